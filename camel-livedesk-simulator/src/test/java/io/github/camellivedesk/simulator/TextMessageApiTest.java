package io.github.camellivedesk.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class TextMessageApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private Api api() {
        return new Api(LIVEDESK.simulator());
    }

    @Test
    void documentedTextMessageAnswersEveryDocumentedField() throws Exception {
        long sentAt = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = api().postJson(Api.messagesPath(141),
                "{\"content\":\"Agent sending message, is it normal?\",\"private\":false,\"content_attributes\":{\"in_reply_to\":29}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> json = Api.json(response);
        assertThat(json).containsKeys("id", "content", "inbox_id", "conversation_id", "message_type", "content_type",
                "status", "content_attributes", "created_at", "private", "source_id", "sorting_id", "sender");
        assertThat(json.get("id")).isInstanceOf(Integer.class).isEqualTo(1);
        assertThat(json).containsEntry("content", "Agent sending message, is it normal?").containsEntry("inbox_id", 79)
                .containsEntry("conversation_id", 141).containsEntry("message_type", 1)
                .containsEntry("content_type", "text")
                .containsEntry("status", "sent").containsEntry("private", false).containsEntry("source_id", null)
                .containsEntry("sorting_id", 1).containsEntry("content_attributes", Map.of("in_reply_to", 29));
        // between sending and reading the answer, however long that took on a busy machine (seconds, like LiveDesk)
        assertThat(((Number) json.get("created_at")).longValue()).isBetween(sentAt, System.currentTimeMillis() / 1000);
        assertThat((Map<String, Object>) json.get("sender")).containsKeys("id", "name", "available_name", "avatar_url",
                "type", "availability_status", "thumbnail").containsEntry("type", "user");
        assertThat(json).doesNotContainKey("attachments");

        StoredMessage stored = LIVEDESK.simulator().conversation(141L).messages().get(0);
        assertThat(stored.inReplyTo()).isEqualTo(29L);
        assertThat(stored.privateMessage()).isFalse();
        assertThat(stored.messageType()).isEqualTo("outgoing");
    }

    @Test
    void idsCountUpAndSortingIdsPerConversation() throws Exception {
        LIVEDESK.simulator().createConversation(142L);
        api().postJson(Api.messagesPath(141), "{\"content\":\"a\"}");
        api().postJson(Api.messagesPath(142), "{\"content\":\"b\"}");
        Map<String, Object> third = Api
                .json(api().postJson(Api.messagesPath(141), "{\"content\":\"c\",\"private\":true}"));

        assertThat(third).containsEntry("id", 3).containsEntry("sorting_id", 2).containsEntry("private", true);
        assertThat(LIVEDESK.simulator().messages()).extracting(StoredMessage::content).containsExactly("a", "b", "c");
    }

    @Test
    void authenticationIsChecked() throws Exception {
        HttpResponse<String> missing = api().post(Api.messagesPath(141), "application/json", "{\"content\":\"x\"}",
                null);
        HttpResponse<String> wrong = api().post(Api.messagesPath(141), "application/json", "{\"content\":\"x\"}",
                "Basic " + java.util.Base64.getEncoder().encodeToString("simulator-key:nope".getBytes()));

        for (HttpResponse<String> response : List.of(missing, wrong)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Api.json(response)).containsEntry("error", "Invalid API key or secret");
        }
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
        assertThat(LIVEDESK.simulator().requests()).extracting(RecordedRequest::responseStatus).containsExactly(401,
                401);
    }

    @Test
    void contentTypeAndJsonAreChecked() throws Exception {
        HttpResponse<String> form = api().post(Api.messagesPath(141), "application/x-www-form-urlencoded", "content=x",
                api().auth());
        HttpResponse<String> broken = api().postJson(Api.messagesPath(141), "{\"content\": ");
        HttpResponse<String> array = api().postJson(Api.messagesPath(141), "[1]");

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(Api.json(form).get("error").toString()).contains("Unsupported Content-Type");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Api.json(broken).get("error").toString()).startsWith("Malformed JSON");
        assertThat(array.statusCode()).isEqualTo(400);
    }

    @Test
    void contentIsRequiredAndLimited() throws Exception {
        HttpResponse<String> missing = api().postJson(Api.messagesPath(141), "{\"private\":true}");
        HttpResponse<String> blank = api().postJson(Api.messagesPath(141), "{\"content\":\"  \"}");
        HttpResponse<String> tooLong = api().postJson(Api.messagesPath(141),
                "{\"content\":\"" + "x".repeat(150_001) + "\"}");
        HttpResponse<String> atLimit = api().postJson(Api.messagesPath(141),
                "{\"content\":\"" + "x".repeat(150_000) + "\"}");
        HttpResponse<String> badPrivate = api().postJson(Api.messagesPath(141),
                "{\"content\":\"x\",\"private\":\"yes\"}");

        for (HttpResponse<String> response : List.of(missing, blank, tooLong)) {
            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(Api.json(response)).containsEntry("attributes", List.of("content"));
        }
        assertThat(Api.json(tooLong).get("message").toString()).contains("150000");
        assertThat(atLimit.statusCode()).isEqualTo(200);
        assertThat(badPrivate.statusCode()).isEqualTo(422);
        assertThat(Api.json(badPrivate)).containsEntry("attributes", List.of("private"));
    }

    @Test
    void unknownConversationIsNotFoundUnlessAutoCreated() throws Exception {
        HttpResponse<String> unknown = api().postJson(Api.messagesPath(999), "{\"content\":\"x\"}");
        HttpResponse<String> notANumber = api().postJson(Api.messagesPath("abc"), "{\"content\":\"x\"}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Api.json(unknown)).containsEntry("error", "Resource could not be found");
        assertThat(notANumber.statusCode()).isEqualTo(404);

        try (LiveDeskSimulator auto = LiveDeskSimulator.builder().autoCreateConversations(true).build().start()) {
            HttpResponse<String> created = new Api(auto).postJson(Api.messagesPath(999), "{\"content\":\"x\"}");
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(auto.conversation(999L).messages()).hasSize(1);
        }
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        HttpResponse<String> wrongMethod = api().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(LIVEDESK.baseUrl() + Api.messagesPath(141))).header("Authorization", api().auth())
                .GET().build());
        HttpResponse<String> unknown = api().postJson("/api/v2/accounts/contacts/1/nothing", "{}");

        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void requestLogRedactsTheAuthorizationValue() throws Exception {
        api().postJson(Api.messagesPath(141), "{\"content\":\"logged\"}");

        RecordedRequest request = LIVEDESK.simulator().requests().get(0);
        assertThat(request.headers().get("Authorization")).containsExactly("Basic ***");
        assertThat(request.toString()).doesNotContain(api().auth().substring(6));
        assertThat(request.jsonBody()).isEqualTo("{\"content\":\"logged\"}");
        assertThat(request.bodySize()).isEqualTo(20);
        String inspected = api().get("/__simulator/requests").body();
        assertThat(inspected).contains("Basic ***").doesNotContain(api().auth().substring(6));
    }
}
