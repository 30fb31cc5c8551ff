package io.github.camellivedesk.examples.jms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the app (two Camel contexts, two consumers each) on one queue of one broker, the events of each
 * conversation in its own JMS message group: every event reaches LiveDesk exactly once and every conversation
 * receives its events in the order they were published.
 */
class ScaleOutTest {

    private static final long[] CONVERSATIONS = LongStream.rangeClosed(201, 206).toArray();
    private static final int EVENTS_PER_CONVERSATION = 10;

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(CONVERSATIONS)
            .build();

    @TempDir
    Path brokerData;

    @Test
    void twoInstancesSendEveryEventOnceAndEachConversationInOrder() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(brokerData, JmsApplication.DEAD_LETTER_QUEUE,
                JmsApplication.MAX_DELIVERY_ATTEMPTS);
                ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(EmbeddedBroker.URL)) {
            Main first = JmsApplication.create("instance-a", LIVEDESK.camelComponentProperties());
            Main second = JmsApplication.create("instance-b", LIVEDESK.camelComponentProperties());
            first.start();
            second.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> broker.consumerCount(JmsApplication.QUEUE) == 4);
                NotifyBuilder firstWorked = new NotifyBuilder(first.getCamelContext()).whenCompleted(1).create();
                NotifyBuilder secondWorked = new NotifyBuilder(second.getCamelContext()).whenCompleted(1).create();

                // published interleaved, as a shop's events arrive: step 0 of every conversation, then step 1, ...
                List<OrderEvent> events = new ArrayList<>();
                for (int step = 0; step < EVENTS_PER_CONVERSATION; step++) {
                    for (long conversation : CONVERSATIONS) {
                        events.add(new OrderEvent("A-" + conversation, Long.toString(conversation),
                                "Customer " + conversation,
                                "step " + step));
                    }
                }
                OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE, events);

                await().atMost(Duration.ofSeconds(120))
                        .until(() -> LIVEDESK.simulator().messages().size() >= events.size());
                await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(JmsApplication.QUEUE) == 0);

                assertThat(LIVEDESK.simulator().messages()).hasSize(events.size())
                        .allSatisfy(message -> assertThat(message.status()).isEqualTo("sent"));
                for (long conversation : CONVERSATIONS) {
                    List<String> expected = events.stream()
                            .filter(event -> event.conversationId().equals(Long.toString(conversation)))
                            .map(OrderEvent::summary).toList();
                    assertThat(LIVEDESK.simulator().conversation(conversation).messages())
                            .as("conversation %d, in the order LiveDesk stored it", conversation)
                            .extracting(StoredMessage::content).containsExactlyElementsOf(expected);
                }
                assertThat(LIVEDESK.simulator().requestCount()).isEqualTo(events.size());
                assertThat(firstWorked.matches()).as("instance-a sent some").isTrue();
                assertThat(secondWorked.matches()).as("instance-b sent some").isTrue();
                assertThat(broker.messageCount(JmsApplication.DEAD_LETTER_QUEUE)).isZero();
            } finally {
                second.stop();
                first.stop();
            }
        }
    }
}
