package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The client and conversation rate limits, over HTTP, as a throttled client sees them. */
class RateLimitApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIMITED = LiveDeskSimulatorExtension.builder().conversations(141L, 142L)
            .clientRateLimit(5, Duration.ofMinutes(1)).conversationRateLimit(3, Duration.ofMinutes(1)).build();

    @Test
    void aConversationBeyondItsLimitGets429RetryLaterAndNothingIsStored() throws Exception {
        Api api = new Api(LIVEDESK());
        for (int i = 1; i <= 3; i++) {
            assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"m" + i + "\"}").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = api.postJson(Api.messagesPath(141), "{\"content\":\"m4\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("Retry later");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(LIVEDESK().conversation(141L).messages()).extracting(StoredMessage::content).containsExactly("m1",
                "m2", "m3");
        assertThat(LIVEDESK().throttledRequests()).isEqualTo(1);
        // another conversation has its own window
        assertThat(api.postJson(Api.messagesPath(142), "{\"content\":\"other\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void theClientLimitCountsEveryConversationAndRefusedRequestsDoNotCount() throws Exception {
        Api api = new Api(LIVEDESK());
        for (int i = 1; i <= 3; i++) {
            api.postJson(Api.messagesPath(141), "{\"content\":\"a" + i + "\"}");
        }
        assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"refused by the conversation\"}").statusCode())
                .isEqualTo(429);
        // 3 admitted so far: the refusal above did not use the client's room
        assertThat(api.postJson(Api.messagesPath(142), "{\"content\":\"b1\"}").statusCode()).isEqualTo(200);
        assertThat(api.postJson(Api.messagesPath(142), "{\"content\":\"b2\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> refused = api.postJson(Api.messagesPath(142), "{\"content\":\"b3\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).isEqualTo("Retry later");
        assertThat(LIVEDESK().messages()).hasSize(5);
        assertThat(LIVEDESK().throttledRequests()).isEqualTo(2);
        assertThat(LIVEDESK().requestCount()).isEqualTo(7);
    }

    @Test
    void theInspectionApiReportsRefusalsAndTheLimits() throws Exception {
        Api api = new Api(LIVEDESK());
        for (int i = 0; i < 4; i++) {
            api.postJson(Api.messagesPath(141), "{\"content\":\"x\"}");
        }

        Map<String, Object> stats = Api.json(api.get("/__simulator/stats"));

        assertThat(stats).containsEntry("requests", 4).containsEntry("throttled_requests", 1)
                .containsEntry("client_rate_limit", Map.of("requests", 5, "period_seconds", 60.0))
                .containsEntry("conversation_rate_limit", Map.of("requests", 3, "period_seconds", 60.0));
    }

    @Test
    void aResetEmptiesTheWindowsAndTheCount() throws Exception {
        Api api = new Api(LIVEDESK());
        for (int i = 0; i < 4; i++) {
            api.postJson(Api.messagesPath(141), "{\"content\":\"x\"}");
        }
        assertThat(LIVEDESK().throttledRequests()).isEqualTo(1);

        LIVEDESK().reset();

        assertThat(LIVEDESK().throttledRequests()).isZero();
        assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"fresh\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void offByDefaultInTheBuilder() throws Exception {
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(141L).build().start()) {
            Api api = new Api(simulator);
            for (int i = 0; i < 250; i++) {
                assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"m" + i + "\"}").statusCode())
                        .isEqualTo(200);
            }
            assertThat(simulator.throttledRequests()).isZero();
            assertThat(Api.json(api.get("/__simulator/stats"))).containsEntry("client_rate_limit", null)
                    .containsEntry("conversation_rate_limit", null);
        }
    }

    @Test
    void onByDefaultStandaloneWithTheServiceLimits() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[]{ "--port", "0", "--conversations", "141" },
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(Api.json(new Api(simulator).get("/__simulator/stats")))
                    .containsEntry("client_rate_limit", Map.of("requests", 3000, "period_seconds", 60.0))
                    .containsEntry("conversation_rate_limit", Map.of("requests", 200, "period_seconds", 60.0));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3000 per minute per client address")
                    .contains("200 per minute per conversation").contains("--no-rate-limits");
        }
    }

    @Test
    void standaloneFlagsChangeOrTurnOffTheLimits() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[]{ "--port", "0", "--conversations", "141",
                "--conversation-rate-limit", "1/10s", "--client-rate-limit", "off" }, quiet)) {
            Api api = new Api(simulator);
            assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"one\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = api.postJson(Api.messagesPath(141), "{\"content\":\"two\"}");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 10L);
            assertThat(Api.json(api.get("/__simulator/stats"))).containsEntry("client_rate_limit", null);
        }
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[]{ "--port", "0", "--no-rate-limits" },
                quiet)) {
            assertThat(Api.json(new Api(simulator).get("/__simulator/stats"))).containsEntry("client_rate_limit", null)
                    .containsEntry("conversation_rate_limit", null);
        }
    }

    private static LiveDeskSimulator LIVEDESK() {
        return LIMITED.simulator();
    }
}
