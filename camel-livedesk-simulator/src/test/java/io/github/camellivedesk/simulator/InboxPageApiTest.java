package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the inbox page needs from the inspection API: the page itself, the change counter, status, unread, last N. */
class InboxPageApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageIsServedWithAPolicyThatAllowsOnlyItsOwnScriptAndStyle() throws Exception {
        HttpResponse<String> page = new Api(LIVEDESK.simulator()).get("/__simulator/ui");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>LiveDesk simulator inbox</title>").doesNotContain("http://",
                "https://");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).startsWith("default-src 'none'; script-src " + InboxPage.hash(page.body(), "script") + ";")
                .contains("style-src " + InboxPage.hash(page.body(), "style") + ";", "img-src 'self'",
                        "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void thePageRefusesOtherSitesLikeTheInspectionApi() throws Exception {
        int port = LIVEDESK.simulator().port();

        RawHttp.Answer rebinding = RawHttp.send(port, "GET /__simulator/ui HTTP/1.1\r\nHost: attacker.example:" + port,
                "");
        RawHttp.Answer crossSite = RawHttp.send(port, "GET /__simulator/ui HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nSec-Fetch-Site: cross-site", "");
        RawHttp.Answer typedIn = RawHttp.send(port, "GET /__simulator/ui HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nSec-Fetch-Site: none", "");

        assertThat(rebinding.status()).isEqualTo(403);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(typedIn.status()).isEqualTo(200);
    }

    @Test
    void withAnAdminTokenThePageLoadsButItsDataNeedsTheToken() throws Exception {
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[]{ "--port", "0", "--admin-token", "t0k" },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Api api = new Api(simulator);

            assertThat(api.get("/__simulator/ui").statusCode()).isEqualTo(200);
            assertThat(api.get("/__simulator/changes").statusCode()).isEqualTo(401);
            assertThat(api.get("/__simulator/conversations").statusCode()).isEqualTo(401);
            assertThat(api.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/__simulator/changes"))
                    .header("X-Simulator-Token", "t0k").build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWaitingChangeRequestIsAnsweredByTheNextMessage() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        long version = ((Number) Api.json(api.get("/__simulator/changes")).get("version")).longValue();

        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                HttpRequest.newBuilder(URI.create(LIVEDESK.baseUrl() + "/__simulator/changes?since=" + version))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(5)).until(() -> LIVEDESK.simulator().changesWaiting() == 1);
        assertThat(Api.json(api.get("/__simulator/stats"))).containsEntry("pages_waiting", 1);
        assertThat(waiting).isNotDone();
        api.postJson(Api.messagesPath(141), "{\"content\":\"hello\"}");

        HttpResponse<String> answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(((Number) Api.json(answer).get("version")).longValue()).isGreaterThan(version);
        assertThat(LIVEDESK.simulator().changesWaiting()).isZero();
    }

    @Test
    void aChangeRequestBehindTheCounterIsAnsweredAtOnce() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        long version = ((Number) Api.json(api.get("/__simulator/changes")).get("version")).longValue();
        LIVEDESK.simulator().conversation(141L).closeWindow();

        HttpResponse<String> answer = api.get("/__simulator/changes?since=" + version);

        assertThat(((Number) Api.json(answer).get("version")).longValue()).isGreaterThan(version);
        assertThat(api.get("/__simulator/changes?since=x").statusCode()).isEqualTo(400);
    }

    @Test
    void theChangeCounterMovesOnEveryChangeAPageShows() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        LiveDeskSimulator simulator = LIVEDESK.simulator();
        long before = simulator.changeVersion();
        api.postJson(Api.messagesPath(141), "{\"content\":\"one\"}");
        long afterMessage = simulator.changeVersion();
        simulator.conversation(141L).failMessage(1, "131047: Re-engagement message is not allowed");
        long afterFail = simulator.changeVersion();
        api.post("/__simulator/faults", "application/json", "{\"type\":\"status\",\"status\":503,\"next\":1}", null);
        long afterFault = simulator.changeVersion();
        api.post("/__simulator/conversations/141/status", "application/json", "{\"status\":\"pending\"}", null);

        assertThat(afterMessage).isGreaterThan(before);
        assertThat(afterFail).isGreaterThan(afterMessage);
        assertThat(afterFault).isGreaterThan(afterFail);
        assertThat(simulator.changeVersion()).isGreaterThan(afterFault);
    }

    @Test
    void theStatusChangesThroughTheInspectionApiWithTheTransitionMatrix() throws Exception {
        Api api = new Api(LIVEDESK.simulator());

        HttpResponse<String> resolved = api.post("/__simulator/conversations/141/status", "application/json",
                "{\"status\":\"resolved\"}", null);
        HttpResponse<String> refused = api.post("/__simulator/conversations/141/status", "application/json",
                "{\"status\":\"snoozed\"}", null);
        HttpResponse<String> unknown = api.post("/__simulator/conversations/141/status", "application/json",
                "{\"status\":\"closed\"}", null);

        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(Api.json(resolved)).containsEntry("status", "resolved");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Api.json(refused)).containsEntry("error", "Conversation status cannot go from resolved to snoozed");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.RESOLVED);
        assertThat(api.post("/__simulator/conversations/999/status", "application/json", "{\"status\":\"open\"}", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void unreadCountsTheCustomersMessagesAfterTheLastPublicAnswer() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        SimulatedConversation conversation = LIVEDESK.simulator().conversation(141L);
        conversation.customerReply("one");
        conversation.customerReply("two");
        assertThat(unread(api)).isEqualTo(2);

        api.postJson(Api.messagesPath(141), "{\"content\":\"note\",\"private\":true}");
        assertThat(unread(api)).isEqualTo(2);

        api.postJson(Api.messagesPath(141), "{\"content\":\"answer\"}");
        assertThat(unread(api)).isZero();

        conversation.customerReply("three");
        assertThat(unread(api)).isEqualTo(1);
    }

    @Test
    void lastGivesTheMostRecentEntriesOfALog() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        for (String content : List.of("a", "b", "c")) {
            api.postJson(Api.messagesPath(141), "{\"content\":\"" + content + "\"}");
        }

        List<Object> messages = Api.jsonList(api.get("/__simulator/conversations/141/messages?last=2"));
        List<Object> requests = Api.jsonList(api.get("/__simulator/requests?last=1"));

        assertThat(messages.stream().map(m -> (Object) ((Map<?, ?>) m).get("content")).toList()).containsExactly("b",
                "c");
        assertThat(requests).hasSize(1);
        assertThat(Api.jsonList(api.get("/__simulator/requests?last=99"))).hasSize(3);
    }

    private static int unread(Api api) throws Exception {
        return (Integer) Api.json(api.get("/__simulator/conversations/141")).get("unread_count");
    }
}
