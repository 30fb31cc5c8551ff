package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class FaultInjectionTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L, 142L)
            .build();

    private static final String TEXT = "{\"content\":\"hello\"}";

    private Api api() {
        return new Api(LIVEDESK.simulator());
    }

    private FaultInjector faults() {
        return LIVEDESK.simulator().faults();
    }

    @Test
    void statusFaultsForTheNextRequestsThenNormal() throws Exception {
        faults().inject(Fault.status(503)).forNext(2);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(api().postJson(Api.messagesPath(141), TEXT).statusCode());
        }

        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(LIVEDESK.simulator().messages()).hasSize(1);
        assertThat(faults().describe()).isEmpty();
    }

    @Test
    void everyServerErrorHasAJsonErrorBody() throws Exception {
        for (int status : new int[]{ 400, 401, 403, 404, 422, 500, 502, 503, 504 }) {
            faults().inject(Fault.status(status)).forNext(1);
            HttpResponse<String> response = api().postJson(Api.messagesPath(141), TEXT);
            assertThat(response.statusCode()).isEqualTo(status);
            Map<String, Object> body = Api.json(response);
            assertThat(body.containsKey("error") || body.containsKey("message")).as("error shape of %s", status)
                    .isTrue();
        }
    }

    @Test
    void rateLimitVariants() throws Exception {
        faults().inject(Fault.rateLimit(Duration.ofSeconds(3))).forNext(1);
        faults().inject(Fault.rateLimitUntil(ZonedDateTime.parse("2030-01-01T00:00:00Z"))).forNext(1);
        faults().inject(Fault.rateLimitPlain()).forNext(1);

        HttpResponse<String> seconds = api().postJson(Api.messagesPath(141), TEXT);
        HttpResponse<String> date = api().postJson(Api.messagesPath(141), TEXT);
        HttpResponse<String> plain = api().postJson(Api.messagesPath(141), TEXT);

        assertThat(seconds.statusCode()).isEqualTo(429);
        assertThat(seconds.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(date.headers().firstValue("Retry-After")).hasValue("Tue, 1 Jan 2030 00:00:00 GMT");
        assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(plain.body()).isEqualTo("Too Many Requests");
    }

    @Test
    void latencyDelaysAndThenProcesses() throws Exception {
        faults().inject(Fault.latency(Duration.ofMillis(300))).forNext(1);
        faults().inject(Fault.latency(Duration.ofMillis(100), Duration.ofMillis(200))).forNext(1);

        long start = System.nanoTime();
        HttpResponse<String> fixed = api().postJson(Api.messagesPath(141), TEXT);
        long fixedMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        api().postJson(Api.messagesPath(141), TEXT);
        long rangeMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(fixed.statusCode()).isEqualTo(200);
        assertThat(fixedMillis).isGreaterThanOrEqualTo(300);
        assertThat(rangeMillis).isGreaterThanOrEqualTo(100);
        assertThat(LIVEDESK.simulator().messages()).hasSize(2);
    }

    @Test
    void latencyHoldsNoHandlerThread() throws Exception {
        // a latency no test outlives: while the first request waits, the second is answered however slow the
        // machine is; that the wait then ends in an answer is latencyDelaysAndThenProcesses' part
        LiveDeskSimulator oneThread = LiveDeskSimulator.builder().conversations(141L).threads(1).build().start();
        CompletableFuture<Integer> delayed;
        try {
            oneThread.faults().inject(Fault.latency(Duration.ofMinutes(10))).forNext(1);
            Api slow = new Api(oneThread);
            delayed = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.postJson(Api.messagesPath(141), TEXT).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the first request took the fault: it is waiting now
            await().atMost(Duration.ofSeconds(30)).until(() -> oneThread.faults().describe().isEmpty());
            // the only handler thread is free: this request is answered while the first still waits
            assertThat(slow.postJson(Api.messagesPath(141), "{\"content\":\"second\"}").statusCode()).isEqualTo(200);
            assertThat(delayed.isDone()).isFalse();
            assertThat(oneThread.messages()).extracting(StoredMessage::content).containsExactly("second");
        } finally {
            oneThread.close();
        }
        assertThat(delayed).as("closing drops the waiting request").failsWithin(Duration.ofSeconds(30));
    }

    @Test
    void droppedConnections() throws Exception {
        faults().inject(Fault.dropBeforeRead()).forNext(1);
        faults().inject(Fault.dropAfterRead()).forNext(1);
        faults().inject(Fault.dropAfterProcessing()).forNext(1);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> api().postJson(Api.messagesPath(141), TEXT)).isInstanceOf(IOException.class);
        }

        assertThat(LIVEDESK.simulator().messages()).as("only the request dropped after processing was stored")
                .hasSize(1);
        assertThat(LIVEDESK.simulator().requests()).extracting(RecordedRequest::responseStatus).containsExactly(0, 0,
                0);
    }

    @Test
    void malformedHtmlEmptySlowAndHugeBodies() throws Exception {
        faults().inject(Fault.malformedJson()).forNext(1);
        faults().inject(Fault.htmlErrorPage(502)).forNext(1);
        faults().inject(Fault.emptyBody(500)).forNext(1);
        faults().inject(Fault.slowBody(Duration.ofMillis(50))).forNext(1);
        faults().inject(Fault.hugeErrorBody(500, 3_000_000)).forNext(1);

        HttpResponse<String> malformed = api().postJson(Api.messagesPath(141), TEXT);
        HttpResponse<String> html = api().postJson(Api.messagesPath(141), TEXT);
        HttpResponse<String> empty = api().postJson(Api.messagesPath(141), TEXT);
        long start = System.nanoTime();
        HttpResponse<String> slow = api().postJson(Api.messagesPath(141), TEXT);
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        HttpResponse<String> huge = api().postJson(Api.messagesPath(141), TEXT);

        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Api.json(malformed)).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Not valid JSON");
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).startsWith("<!DOCTYPE html>");
        assertThat(empty.statusCode()).isEqualTo(500);
        assertThat(empty.body()).isEmpty();
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(Api.json(slow)).containsEntry("content", "hello");
        // eight chunks with a pause after each: the client has the whole body after the seventh pause
        assertThat(slowMillis).isGreaterThanOrEqualTo(7 * 50);
        assertThat(huge.statusCode()).isEqualTo(500);
        assertThat(huge.body()).hasSize(3_000_000);
        assertThat(LIVEDESK.simulator().messages()).as("malformed and slow answers were processed").hasSize(2);
    }

    @Test
    void fractionIsSeededAndConversationScoped() throws Exception {
        faults().seed(7);
        faults().inject(Fault.status(503)).forConversation("142").forFraction(0.5);

        int failures = 0;
        for (int i = 0; i < 40; i++) {
            if (api().postJson(Api.messagesPath(142), TEXT).statusCode() == 503) {
                failures++;
            }
            assertThat(api().postJson(Api.messagesPath(141), TEXT).statusCode()).isEqualTo(200);
        }
        assertThat(failures).isBetween(8, 32);

        LIVEDESK.simulator().reset();
        faults().seed(7);
        faults().inject(Fault.status(503)).forConversation("142").forFraction(0.5);
        int again = 0;
        for (int i = 0; i < 40; i++) {
            if (api().postJson(Api.messagesPath(142), TEXT).statusCode() == 503) {
                again++;
            }
        }
        assertThat(again).as("the same seed gives the same faults").isEqualTo(failures);
    }

    @Test
    void faultsAlwaysUntilClearedAndNeverOnInspection() throws Exception {
        faults().inject(Fault.status(500)).always();

        assertThat(api().postJson(Api.messagesPath(141), TEXT).statusCode()).isEqualTo(500);
        assertThat(api().postJson(Api.messagesPath(141), TEXT).statusCode()).isEqualTo(500);
        assertThat(api().get("/__simulator/health").statusCode()).isEqualTo(200);
        faults().clear();
        assertThat(api().postJson(Api.messagesPath(141), TEXT).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsOverHttp() throws Exception {
        HttpResponse<String> added = api().post("/__simulator/faults", "application/json",
                "{\"type\":\"status\",\"status\":504,\"next\":1,\"conversation\":\"141\"}", null);
        api().post("/__simulator/faults", "application/json",
                "{\"type\":\"rateLimit\",\"retryAfterSeconds\":2,\"next\":1}", null);
        api().post("/__simulator/faults", "application/json", "{\"type\":\"drop\",\"when\":\"afterRead\",\"next\":1}",
                null);

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(Api.jsonList(api().get("/__simulator/faults"))).hasSize(3);
        assertThat(api().postJson(Api.messagesPath(141), TEXT).statusCode()).isEqualTo(504);
        HttpResponse<String> limited = api().postJson(Api.messagesPath(141), TEXT);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("2");
        assertThatThrownBy(() -> api().postJson(Api.messagesPath(141), TEXT)).isInstanceOf(IOException.class);

        api().post("/__simulator/faults", "application/json", "{\"type\":\"latency\",\"minMillis\":10,\"fraction\":1}",
                null);
        assertThat(api().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(LIVEDESK.baseUrl() + "/__simulator/faults"))
                        .DELETE().build())
                .statusCode()).isEqualTo(200);
        assertThat(faults().describe()).isEmpty();
        HttpResponse<String> unknown = api().post("/__simulator/faults", "application/json", "{\"type\":\"meteor\"}",
                null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Unknown fault type");
    }
}
