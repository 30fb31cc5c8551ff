package io.github.camellivedesk;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;
import io.github.camellivedesk.error.LiveDeskResponseException;
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.simulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation under every fault the simulator injects: the documented typed exception with its status and body
 * excerpt, the route continues exactly once, and no connection or thread outlives the exchange or the context.
 */
class FaultMatrixTest extends LiveDeskTestSupport {

    enum Operation {
        SEND("livedesk:send?conversationId=141", "hello"), TEMPLATE(
                "livedesk:template?conversationId=141&templateName=t&templateLanguage=en_US",
                Map.of("1", "x")), RETRY("livedesk:retry?conversationId=141", null);

        final String uri;
        final Object body;

        Operation(String uri, Object body) {
            this.uri = uri;
            this.body = body;
        }
    }

    record Case(String name, Fault fault, String options, Class<? extends LiveDeskException> expected,
            Consumer<LiveDeskException> check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (int status : new int[]{ 400, 404, 422 }) {
            cases.add(new Case(status + "", Fault.status(status), "", LiveDeskHttpException.class, e -> {
                assertThat(((LiveDeskHttpException) e).getStatusCode()).isEqualTo(status);
                assertThat(((LiveDeskHttpException) e).getErrorMessage()).isNotBlank();
                assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
                assertThat(e.isRetryable()).isFalse();
            }));
        }
        for (int status : new int[]{ 401, 403 }) {
            cases.add(new Case(status + "", Fault.status(status), "", LiveDeskAuthenticationException.class,
                    e -> assertThat(((LiveDeskHttpException) e).getStatusCode()).isEqualTo(status)));
        }
        for (int status : new int[]{ 500, 502, 503, 504 }) {
            cases.add(new Case(status + "", Fault.status(status), "", LiveDeskHttpException.class, e -> {
                assertThat(((LiveDeskHttpException) e).getStatusCode()).isEqualTo(status);
                assertThat(e.isRetryable()).isTrue();
                assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue();
            }));
        }
        cases.add(new Case("429 with Retry-After", Fault.rateLimit(Duration.ofSeconds(7)), "&rateLimitMaxRetries=0",
                LiveDeskRateLimitException.class, e -> {
                    assertThat(((LiveDeskRateLimitException) e).getRetryAfter()).contains(Duration.ofSeconds(7));
                    assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
                }));
        cases.add(new Case("429 without Retry-After", Fault.rateLimitPlain(), "&rateLimitMaxRetries=0",
                LiveDeskRateLimitException.class, e -> {
                    assertThat(((LiveDeskRateLimitException) e).getRetryAfter()).isEmpty();
                    assertThat(((LiveDeskRateLimitException) e).getResponseBodyExcerpt()).contains("Too Many Requests");
                }));
        cases.add(new Case("reset before the request was read", Fault.dropBeforeRead(), "",
                LiveDeskTransportException.class,
                e -> assertThat(e.isRetryable()).isTrue()));
        cases.add(new Case("reset after the request was read", Fault.dropAfterRead(), "",
                LiveDeskTransportException.class,
                e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue()));
        cases.add(new Case("reset after the message was stored", Fault.dropAfterProcessing(), "",
                LiveDeskTransportException.class, e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue()));
        cases.add(new Case("response timeout", Fault.latency(Duration.ofMinutes(2)), "&requestTimeout=300ms",
                LiveDeskTimeoutException.class, e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue()));
        cases.add(new Case("slow body", Fault.slowBody(Duration.ofSeconds(20)), "&requestTimeout=600ms",
                LiveDeskTimeoutException.class, e -> assertThat(e.getMessage()).contains("requestTimeout")));
        cases.add(new Case("malformed JSON", Fault.malformedJson(), "", LiveDeskResponseException.class,
                e -> assertThat(((LiveDeskResponseException) e).getResponseBodyExcerpt()).isNotEmpty()));
        cases.add(new Case("HTML error page", Fault.htmlErrorPage(502), "", LiveDeskHttpException.class,
                e -> assertThat(((LiveDeskHttpException) e).getErrorMessage()).startsWith("(HTML error page)")));
        cases.add(new Case("empty error body", Fault.emptyBody(500), "", LiveDeskHttpException.class,
                e -> assertThat(((LiveDeskHttpException) e).getResponseBodyExcerpt()).isEmpty()));
        cases.add(new Case("empty success body", Fault.emptyBody(200), "", LiveDeskResponseException.class,
                e -> assertThat(e.getMessage()).contains("empty body")));
        cases.add(new Case("huge error body", Fault.hugeErrorBody(500, 8_000_000), "", LiveDeskHttpException.class,
                e -> assertThat(((LiveDeskHttpException) e).getResponseBodyExcerpt()).hasSizeLessThan(2100)));
        cases.add(new Case("connection refused", null, "&baseUrl=http://127.0.0.1:" + closedPort(),
                LiveDeskTransportException.class, e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse()));
        return cases;
    }

    static Stream<Arguments> matrix() {
        return Stream.of(Operation.values())
                .flatMap(operation -> cases().stream().map(c -> Arguments.of(operation, c)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("matrix")
    void typedFailureExactlyOnceAndNothingLeaks(Operation operation, Case fault) throws Exception {
        Map<String, Object> headers = operation == Operation.RETRY
                ? Map.of(LiveDeskConstants.MESSAGE_ID, failedMessage())
                : Map.of();
        AtomicInteger continued = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        List<Exception> caught = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> {
                    handled.incrementAndGet();
                    caught.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                });
                from("direct:matrix").to(operation.uri + fault.options()).process(e -> continued.incrementAndGet());
            }
        });
        if (fault.fault() != null) {
            simulator().faults().inject(fault.fault()).forNext(1);
        }

        template.request("direct:matrix", e -> {
            e.getMessage().setBody(operation.body);
            e.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });

        assertThat(handled.get()).as("error handler ran before the exchange completed").isEqualTo(1);
        assertThat(caught.get(0)).isInstanceOf(fault.expected());
        fault.check().accept((LiveDeskException) caught.get(0));

        LiveDeskComponent component = context.getComponent("livedesk", LiveDeskComponent.class);
        await().atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> assertThat(component.transport().poolStats().getLeased()).isZero());
        context.stop();
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(clientThreads()).isEmpty());
        // nothing is left that could complete the exchange again (routes, pool, HttpClient's and the component's
        // threads are gone), so the counts are final: a second completion would have continued the route or run
        // the error handler again by now
        assertThat(continued.get()).as("route continued after success").isZero();
        assertThat(handled.get()).as("error handler runs exactly once").isEqualTo(1);
        assertThat(caught).hasSize(1);
    }

    private long failedMessage() throws Exception {
        long id = sendFailedMessage("to retry");
        simulator().conversation(141L).customerReply("back");
        return id;
    }

    private static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("httpclient-") || name.contains("LiveDeskScheduler")
                        || name.contains("LiveDeskWorker"))
                .collect(Collectors.toSet());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
