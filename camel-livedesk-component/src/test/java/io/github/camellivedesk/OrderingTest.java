package io.github.camellivedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14's user story: one consumer hands a conversation's messages to {@code livedesk:send} in order while LiveDesk
 * answers after 0 to 40 ms at random; the messages must be stored in that order. The producer keeps many messages
 * in flight, so without ordering they overtake each other.
 */
class OrderingTest extends LiveDeskTestSupport {

    @Override
    protected void configure(LiveDeskComponent component) {
        super.configure(component);
        // 200 messages to one conversation at LiveDesk's 200 a minute would take a minute: order only here
        component.setConversationRateLimitPerMinute(0);
    }

    @BeforeEach
    void randomLatency() {
        simulator().faults().seed(14);
        simulator().faults().inject(Fault.latency(Duration.ZERO, Duration.ofMillis(40))).always();
    }

    @Test
    void aSingleSedaConsumerKeepsTheConversationsOrder() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:outbox").to("livedesk:send?conversationId=141");
            }
        });
        List<String> sent = names("m", 200);
        sent.forEach(text -> template.sendBody("seda:outbox", text));

        assertThat(stored(141L, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void aFileConsumerSortedByNameKeepsTheConversationsOrder(@TempDir Path inbox) throws Exception {
        List<String> sent = names("m", 60);
        for (String name : sent) {
            Files.writeString(inbox.resolve(name + ".txt"), name);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + inbox + "?sortBy=file:name&noop=true")
                        .convertBodyTo(String.class)
                        .to("livedesk:send?conversationId=141");
            }
        });

        assertThat(stored(141L, sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void interleavedConversationsEachKeepTheirOrder() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:outbox").to("livedesk:send");
            }
        });
        List<String> first = names("a", 80);
        List<String> second = names("b", 80);
        for (int i = 0; i < 80; i++) {
            template.sendBodyAndHeader("seda:outbox", first.get(i), LiveDeskConstants.CONVERSATION_ID, "141");
            template.sendBodyAndHeader("seda:outbox", second.get(i), LiveDeskConstants.CONVERSATION_ID, "142");
        }

        assertThat(stored(141L, 80)).containsExactlyElementsOf(first);
        assertThat(stored(142L, 80)).containsExactlyElementsOf(second);
    }

    @Test
    void aMessageCamelRedeliversGoesBehindTheOnesReceivedMeanwhile() throws Exception {
        simulator().faults().clear();
        simulator().faults().inject(Fault.status(503)).forNext(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(
                        defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(1000).asyncDelayedRedelivery());
                from("seda:outbox").to("livedesk:send?conversationId=141");
            }
        });
        List.of("a", "b", "c").forEach(text -> template.sendBody("seda:outbox", text));

        // a failed and gave up its turn; b and c went on; Camel's redelivery of a is a new message, sent after them
        assertThat(stored(141L, 3)).containsExactly("b", "c", "a");
    }

    @Test
    void aMessageLiveDeskThrottledKeepsItsTurn() throws Exception {
        simulator().faults().clear();
        simulator().faults().inject(Fault.rateLimit(Duration.ofSeconds(1))).forNext(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:outbox").to("livedesk:send?conversationId=141");
            }
        });
        List.of("a", "b", "c").forEach(text -> template.sendBody("seda:outbox", text));

        // the component itself waits out Retry-After and resends a within its turn: b and c wait for it
        assertThat(stored(141L, 3)).containsExactly("a", "b", "c");
    }

    private static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s%03d", prefix, i)).toList();
    }

    /** The conversation's message texts in the order LiveDesk stored them, once all arrived. */
    private List<String> stored(long conversation, int count) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> simulator().conversation(conversation).messages().size() >= count);
        return simulator().conversation(conversation).messages().stream().map(StoredMessage::content).toList();
    }
}
