package io.github.camellivedesk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskQueueFullException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.RecordedRequest;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pacing to LiveDesk's limits through routes: a burst against a simulator that enforces scaled-down limits gets no
 * 429, a full queue fails the exchange before anything is sent, and stopping the component fails the exchanges that
 * still wait. Only outcomes are asserted, never how long anything took.
 */
class PacingTest extends LiveDeskTestSupport {

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    /**
     * A context whose component is paced as given: with a rateLimitPeriod of one second the PerMinute options count
     * per second, as the simulator here does (LiveDesk's per-minute limits scaled down to keep the test short).
     */
    private ProducerTemplate paced(LiveDeskSimulator target, long period, int limit, int perConversation,
            int maxQueued) {
        CamelContext camel = new DefaultCamelContext();
        LiveDeskComponent component = pointAt(new LiveDeskComponent(), target);
        component.setRateLimitPeriod(period);
        component.setRateLimitPerMinute(limit);
        component.setConversationRateLimitPerMinute(perConversation);
        component.setMaxQueuedMessages(maxQueued);
        camel.addComponent("livedesk", component);
        camel.start();
        contexts.add(camel);
        ProducerTemplate template = camel.createProducerTemplate();
        // asyncSend on the caller's thread: the messages reach the producer in the order they are sent here
        template.setExecutorService(new SynchronousExecutorService());
        return template;
    }

    private static List<CompletableFuture<Exchange>> burst(ProducerTemplate template, int messages,
            long... conversations) {
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String conversation = Long.toString(conversations[i % conversations.length]);
            String text = String.format("m%03d", i / conversations.length);
            sent.add(template.asyncSend("livedesk:send", exchange -> {
                exchange.getMessage().setBody(text);
                exchange.getMessage().setHeader(LiveDeskConstants.CONVERSATION_ID, conversation);
            }));
        }
        return sent;
    }

    @Test
    void aBurstPacedToTheLimitsGetsNo429AndKeepsEachConversationsOrder() throws Exception {
        try (LiveDeskSimulator limited = LiveDeskSimulator.builder().conversations(141L, 142L, 143L)
                .clientRateLimit(20, Duration.ofSeconds(1)).conversationRateLimit(5, Duration.ofSeconds(1)).build()
                .start()) {
            // paced a tenth below the simulator's limits: its windows are judged by arrival, and on a loaded machine
            // requests arrive with more jitter than the margin the pacer keeps for a network
            List<CompletableFuture<Exchange>> sent = burst(paced(limited, 1000, 18, 4, 100), 45, 141L, 142L, 143L);

            for (CompletableFuture<Exchange> exchange : sent) {
                assertThat(exchange.get(60, TimeUnit.SECONDS).getException()).isNull();
            }
            assertThat(limited.throttledRequests()).as("429s answered").isZero();
            for (long conversation : new long[]{ 141L, 142L, 143L }) {
                assertThat(limited.conversation(conversation).messages()).extracting(StoredMessage::content)
                        .containsExactly("m000", "m001", "m002", "m003", "m004", "m005", "m006", "m007", "m008", "m009",
                                "m010", "m011", "m012", "m013", "m014");
            }
        }
    }

    @Test
    void resendsAfter429sArePacedLikeFirstSendsSoNoWindowHoldsMoreThanTheLimit() throws Exception {
        // half the requests answered 429 with Retry-After: 0, which asks for an immediate resend: each resend must
        // still wait for a token, or a burst that meets 429s sends up to twice the limit (41 in one second, seen)
        int limit = 10;
        Duration period = Duration.ofSeconds(2);
        LiveDeskSimulator server = simulator();
        server.faults().seed(17);
        server.faults().inject(Fault.rateLimit(Duration.ZERO)).forFraction(0.5);
        ProducerTemplate template = paced(server, period.toMillis(), limit, 0, 100);
        // enough resends that no message runs out of them by chance
        template.getCamelContext().getComponent("livedesk", LiveDeskComponent.class).getConfiguration()
                .setRateLimitMaxRetries(30);
        List<CompletableFuture<Exchange>> sent = burst(template, 20, 141L, 142L);
        for (CompletableFuture<Exchange> exchange : sent) {
            assertThat(exchange.get(120, TimeUnit.SECONDS).getException()).isNull();
        }

        List<Instant> seen = server.requests().stream().map(RecordedRequest::receivedAt).sorted().toList();
        assertThat(seen.size()).as("every message, and a resend for each 429").isGreaterThan(25);
        // one more than the limit never within a window (less a tenth, for arrival jitter on a loaded machine; resends
        // that skipped the pacer put twice the limit in one)
        Duration window = period.minus(period.dividedBy(10));
        for (int first = 0; first + limit < seen.size(); first++) {
            Duration span = Duration.between(seen.get(first), seen.get(first + limit));
            assertThat(span).as("requests %d to %d of %d, %d in one window", first + 1, first + limit + 1, seen.size(),
                    limit + 1).isGreaterThanOrEqualTo(window);
        }
    }

    @Test
    void theSameBurstWithoutPacingIsThrottled() throws Exception {
        // what the test above would see if pacing did nothing: the simulator refuses the excess
        try (LiveDeskSimulator limited = LiveDeskSimulator.builder().conversations(141L, 142L, 143L)
                .clientRateLimit(20, Duration.ofSeconds(1)).conversationRateLimit(5, Duration.ofSeconds(1)).build()
                .start()) {
            List<CompletableFuture<Exchange>> sent = burst(paced(limited, 1000, 0, 0, 100), 45, 141L, 142L, 143L);
            for (CompletableFuture<Exchange> exchange : sent) {
                exchange.get(60, TimeUnit.SECONDS);
            }
            assertThat(limited.throttledRequests()).isPositive();
        }
    }

    @Test
    void aFullQueueFailsTheExchangeAtOnceBeforeAnyRequest() throws Exception {
        // one request per minute: the first goes, the next two wait, a fourth finds the queue full
        ProducerTemplate template = paced(simulator(), 60_000, 1, 0, 2);
        String uri = "livedesk:send?conversationId=141";
        CamelContext camel = contexts.get(0);
        List<CompletableFuture<Exchange>> waiting = new ArrayList<>();
        assertThat(template.request(uri, e -> e.getMessage().setBody("first")).getException()).isNull();
        waiting.add(template.asyncSend(uri, e -> e.getMessage().setBody("second")));
        waiting.add(template.asyncSend(uri, e -> e.getMessage().setBody("third")));

        Exchange refused = template.request(uri, e -> e.getMessage().setBody("fourth"));

        assertThat(refused.getException()).isInstanceOf(LiveDeskQueueFullException.class)
                .hasMessageContaining("maxQueuedMessages").hasMessageContaining("rateLimitPerMinute");
        assertThat(simulator().requestCount()).as("only the first was sent").isEqualTo(1);
        assertThat(waiting).allSatisfy(exchange -> assertThat(exchange).isNotDone());

        // stopping the component fails what still waits: every callback is done, nothing more is sent
        camel.stop();
        for (CompletableFuture<Exchange> exchange : waiting) {
            Exception failure = exchange.get(30, TimeUnit.SECONDS).getException();
            assertThat(failure).isInstanceOf(LiveDeskTransportException.class).hasMessageContaining("nothing was sent");
            assertThat(((LiveDeskTransportException) failure).isRequestMayHaveReachedLiveDesk()).isFalse();
        }
        assertThat(simulator().requestCount()).isEqualTo(1);
    }
}
