package io.github.camellivedesk.examples.jms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the app (two Camel contexts, two consumers each) on one queue of one broker, the events of each
 * customer in its own JMS message group ({@code JMSXGroupID} = the phone number): every customer LiveDesk did not know
 * gets exactly one contact and one conversation although two instances with their own memory share the queue, every
 * event reaches LiveDesk exactly once, and every customer's conversation receives its events in the order they were
 * published.
 */
class ScaleOutTest {

    private static final List<String> CUSTOMERS = IntStream.rangeClosed(1, 6).mapToObj(n -> "+49151000002" + n)
            .toList();
    private static final int EVENTS_PER_CUSTOMER = 10;

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().build();

    @TempDir
    Path brokerData;

    @Test
    void twoInstancesMakeOneConversationPerCustomerAndSendEveryEventOnceInOrder() throws Exception {
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

                // published interleaved, as a shop's events arrive: step 0 of every customer, then step 1, ...
                List<OrderEvent> events = new ArrayList<>();
                for (int step = 0; step < EVENTS_PER_CUSTOMER; step++) {
                    for (String phoneNumber : CUSTOMERS) {
                        events.add(new OrderEvent("A-" + phoneNumber.substring(phoneNumber.length() - 2),
                                phoneNumber, "Customer " + phoneNumber, "step " + step));
                    }
                }
                OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE, events);

                await().atMost(Duration.ofSeconds(120))
                        .until(() -> LIVEDESK.simulator().messages().size() >= events.size());
                await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(JmsApplication.QUEUE) == 0);

                assertThat(LIVEDESK.simulator().messages()).hasSize(events.size())
                        .allSatisfy(message -> assertThat(message.status()).isEqualTo("sent"));
                // one contact and one conversation per customer, in the events' inbox
                assertThat(LIVEDESK.simulator().contacts()).extracting(SimulatedContact::phoneNumber)
                        .containsExactlyInAnyOrderElementsOf(CUSTOMERS);
                assertThat(LIVEDESK.simulator().conversations()).hasSize(CUSTOMERS.size());
                for (String phoneNumber : CUSTOMERS) {
                    List<String> expected = events.stream().filter(event -> event.phoneNumber().equals(phoneNumber))
                            .map(OrderEvent::summary).toList();
                    assertThat(conversationOf(phoneNumber).messages())
                            .as("customer %s, in the order LiveDesk stored it", phoneNumber)
                            .extracting(StoredMessage::content).containsExactlyElementsOf(expected);
                }
                // a contact and a conversation per customer, then only the messages
                assertThat(LIVEDESK.simulator().requestCount()).isEqualTo(2 * CUSTOMERS.size() + events.size());
                assertThat(firstWorked.matches()).as("instance-a sent some").isTrue();
                assertThat(secondWorked.matches()).as("instance-b sent some").isTrue();
                assertThat(broker.messageCount(JmsApplication.DEAD_LETTER_QUEUE)).isZero();
            } finally {
                second.stop();
                first.stop();
            }
        }
    }

    private static SimulatedConversation conversationOf(String phoneNumber) {
        List<SimulatedConversation> found = LIVEDESK.simulator().conversations().stream()
                .filter(conversation -> conversation.contact().map(SimulatedContact::phoneNumber)
                        .filter(phoneNumber::equals).isPresent())
                .toList();
        assertThat(found).as("conversations of " + phoneNumber).hasSize(1);
        return found.get(0);
    }
}
