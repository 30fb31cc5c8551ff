package io.github.camellivedesk.simulator;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** WhatsApp's 24-hour rule: the documented failure at HTTP 200, templates still allowed, retry after a reply. */
class WindowAndRetryApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L, 142L)
            .build();

    @Test
    void closedWindowFailsFreeFormMessagesAndRetrySendsThemAfterAReply() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        SimulatedConversation conversation = LIVEDESK.simulator().conversation(141L);
        conversation.closeWindow();

        HttpResponse<String> failed = api.postJson(Api.messagesPath(141), "{\"content\":\"late\"}");
        HttpResponse<String> template = api.postJson(Api.messagesPath(141),
                "{\"content\":\"t\",\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"n\",\"language\":\"en\"}}");

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(Api.json(failed)).containsEntry("status", "failed")
                .containsEntry("content_attributes",
                        Map.of("external_error", "131047: Re-engagement message is not allowed"));
        assertThat(Api.json(template)).containsEntry("status", "sent");
        assertThat(conversation.windowOpen()).isFalse();

        Object id = Api.json(failed).get("id");
        HttpResponse<String> stillClosed = api.postJson(Api.messagesPath(141) + "/" + id + "/retry", "");
        assertThat(Api.json(stillClosed)).containsEntry("status", "failed");

        StoredMessage reply = conversation.customerReply("hello?");
        assertThat(reply.messageType()).isEqualTo("incoming");
        assertThat(conversation.windowOpen()).isTrue();
        HttpResponse<String> retried = api.postJson(Api.messagesPath(141) + "/" + id + "/retry", "");

        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(Api.json(retried)).containsEntry("id", id).containsEntry("status", "sent")
                .containsEntry("content_attributes", Map.of());
        StoredMessage stored = LIVEDESK.simulator().message(((Number) id).longValue()).orElseThrow();
        assertThat(stored.status()).isEqualTo("sent");
        assertThat(stored.retryCount()).isEqualTo(2);
    }

    @Test
    void retryOfUnknownOrNotFailedMessages() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        Object sent = Api.json(api.postJson(Api.messagesPath(141), "{\"content\":\"fine\"}")).get("id");

        HttpResponse<String> unknown = api.postJson(Api.messagesPath(141) + "/999/retry", "");
        HttpResponse<String> otherConversation = api.postJson(Api.messagesPath(142) + "/" + sent + "/retry", "");
        HttpResponse<String> notFailed = api.postJson(Api.messagesPath(141) + "/" + sent + "/retry", "");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(otherConversation.statusCode()).isEqualTo(404);
        assertThat(notFailed.statusCode()).isEqualTo(422);
        assertThat(Api.json(notFailed)).containsEntry("error", "Message is not in failed state");
    }
}
