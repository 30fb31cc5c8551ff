package io.github.camellivedesk;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages from a redelivering source through faults (20% 5xx, 5% 429, 1% dropped connections), Camel redelivery and
 * a dead-letter channel: every message is delivered or dead-lettered, none is lost, and every duplicate LiveDesk
 * stored is explained by a failure that may have reached LiveDesk. {@code livedesk.soak.messages} sets the size:
 * 1,000 in the default build, 10,000 with {@code -Psoak}.
 */
class SoakTest extends LiveDeskTestSupport {

    private static final int MESSAGES = Integer.getInteger("livedesk.soak.messages", 1000);

    @Override
    protected void configure(LiveDeskComponent component) {
        super.configure(component);
        // a thousand messages to one conversation at LiveDesk's 200 a minute would take five minutes: this test is
        // about faults and redelivery, so the pacing is off (the order per conversation stays on)
        component.setRateLimitPerMinute(0);
        component.setConversationRateLimitPerMinute(0);
    }

    @Test
    void nothingIsLost() throws Exception {
        simulator().faults().seed(42);
        simulator().faults().inject(Fault.status(500)).forFraction(0.05);
        simulator().faults().inject(Fault.status(502)).forFraction(0.05);
        simulator().faults().inject(Fault.status(503)).forFraction(0.05);
        simulator().faults().inject(Fault.status(504)).forFraction(0.05);
        simulator().faults().inject(Fault.rateLimit(Duration.ZERO)).forFraction(0.05);
        simulator().faults().inject(Fault.dropBeforeRead()).forFraction(0.005);
        simulator().faults().inject(Fault.dropAfterProcessing()).forFraction(0.005);

        Set<String> delivered = ConcurrentHashMap.newKeySet();
        Set<String> deadLettered = ConcurrentHashMap.newKeySet();
        Set<String> ambiguous = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger redeliveries = new AtomicInteger();
        Map<String, AtomicInteger> failureKinds = new ConcurrentHashMap<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("direct:dead")
                        .maximumRedeliveries(4).redeliveryDelay(5).useExponentialBackOff().backOffMultiplier(2)
                        .asyncDelayedRedelivery()
                        .onExceptionOccurred(exchange -> {
                            failures.incrementAndGet();
                            LiveDeskException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                    LiveDeskException.class);
                            String kind = e == null ? "other" : e.getClass().getSimpleName()
                                    + (e instanceof io.github.camellivedesk.error.LiveDeskHttpException http
                                            ? " " + http.getStatusCode() : "")
                                    + (e.isRequestMayHaveReachedLiveDesk() ? " (may have reached)" : " (not reached)");
                            failureKinds.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                            if (e != null && e.isRequestMayHaveReachedLiveDesk()) {
                                ambiguous.add(exchange.getMessage().getBody(String.class));
                            }
                        })
                        .onRedelivery(exchange -> redeliveries.incrementAndGet()));
                from("seda:outbox?concurrentConsumers=16&size=" + (MESSAGES + 1))
                        .to("livedesk:send?conversationId=141&requestTimeout=5s")
                        .process(exchange -> delivered.add(exchange.getMessage().getBody(
                                io.github.camellivedesk.model.LiveDeskMessage.class).content()));
                from("direct:dead").process(exchange -> deadLettered.add(exchange.getMessage().getBody(String.class)));
            }
        });

        long started = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            template.sendBody("seda:outbox", "soak-" + i);
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> delivered.size() + deadLettered.size() >= MESSAGES);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Long> stored = simulator().conversation(141L).messages().stream()
                .collect(Collectors.groupingBy(StoredMessage::content, Collectors.counting()));
        Set<String> duplicated = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        long duplicates = stored.values().stream().mapToLong(count -> count - 1).sum();

        assertThat(delivered.size() + deadLettered.size()).as("delivered + dead-lettered").isEqualTo(MESSAGES);
        assertThat(delivered.stream().filter(deadLettered::contains)).as("delivered and dead-lettered").isEmpty();
        assertThat(delivered).as("every delivered message is in LiveDesk").isSubsetOf(stored.keySet());
        assertThat(duplicated).as("each duplicate follows a failure that may have reached LiveDesk")
                .isSubsetOf(ambiguous);
        assertThat(failures.get()).as("faults were injected").isGreaterThan(MESSAGES / 10);

        System.out.printf("SOAK messages=%d delivered=%d deadLettered=%d lost=%d duplicates=%d (all after ambiguous "
                + "failures: %d) failures=%d redeliveries=%d requests=%d took=%dms%n",
                MESSAGES, delivered.size(), deadLettered.size(), MESSAGES - delivered.size() - deadLettered.size(),
                duplicates, ambiguous.size(), failures.get(), redeliveries.get(), simulator().requestCount(),
                took.toMillis());
        System.out.println("SOAK failures by kind: " + new java.util.TreeMap<>(failureKinds));
    }
}
