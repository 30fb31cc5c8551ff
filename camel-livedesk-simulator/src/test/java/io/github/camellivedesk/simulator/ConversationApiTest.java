package io.github.camellivedesk.simulator;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations created through the API for a contact, and their status changes. */
class ConversationApiTest {

    private static final String CONVERSATIONS = "/api/v2/accounts/conversations";

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private final Api api = new Api(LIVEDESK.simulator());

    @Test
    @SuppressWarnings("unchecked")
    void aConversationCreatedByContactIdTakesTheNextIdAndReceivesMessages() throws Exception {
        Map<String, Object> contact = contact("{\"inbox_id\":79,\"name\":\"Alice\",\"identifier\":\"a-1\"}");

        HttpResponse<String> created = api.postJson(CONVERSATIONS,
                "{\"inbox_id\":79,\"contact_id\":" + contact.get("id") + "}");

        assertThat(created.statusCode()).isEqualTo(200);
        Map<String, Object> conversation = Api.json(created);
        assertThat(conversation).containsEntry("id", 142).containsEntry("inbox_id", 79)
                .containsEntry("status", "open").containsEntry("account_id", 14).containsEntry("messages", List.of());
        assertThat(((Number) conversation.get("created_at")).longValue())
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        Map<String, Object> sender = (Map<String, Object>) ((Map<String, Object>) conversation.get("meta"))
                .get("sender");
        assertThat(sender).containsEntry("id", 1).containsEntry("name", "Alice").containsEntry("type", "contact");
        assertThat((Map<String, Object>) conversation.get("contact_inbox")).containsEntry("source_id",
                sourceId(contact)).containsEntry("contact_id", 1);

        HttpResponse<String> message = api.postJson(Api.messagesPath(142), "{\"content\":\"Your order shipped\"}");

        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(Api.json(message)).containsEntry("conversation_id", 142).containsEntry("status", "sent");
        SimulatedConversation stored = LIVEDESK.simulator().conversation(142L);
        assertThat(stored.messages()).extracting(StoredMessage::content).containsExactly("Your order shipped");
        assertThat(stored.contact()).contains(LIVEDESK.simulator().contact(1L).orElseThrow());
        assertThat(stored.status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(stored.inboxId()).isEqualTo(79L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConversationCanBeCreatedByTheContactInboxsSourceId() throws Exception {
        contact("{\"inbox_id\":79,\"name\":\"First\"}");
        Map<String, Object> contact = contact("{\"inbox_id\":79,\"name\":\"Second\"}");

        HttpResponse<String> created = api.postJson(CONVERSATIONS,
                "{\"inbox_id\":79,\"source_id\":\"" + sourceId(contact) + "\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat((Map<String, Object>) ((Map<String, Object>) Api.json(created).get("meta")).get("sender"))
                .containsEntry("id", 2);
        assertThat(LIVEDESK.simulator().conversation(142L).contact().map(SimulatedContact::name)).contains("Second");
    }

    @Test
    void anUnknownInboxContactOrSourceIdIsNotFound() throws Exception {
        contact("{\"inbox_id\":79}");

        for (String body : List.of("{\"inbox_id\":79,\"contact_id\":2}", "{\"inbox_id\":79,\"source_id\":\"nope\"}",
                "{\"inbox_id\":79}", "{\"inbox_id\":80,\"contact_id\":1}", "{\"contact_id\":1}")) {
            HttpResponse<String> response = api.postJson(CONVERSATIONS, body);
            assertThat(response.statusCode()).as(body).isEqualTo(404);
            assertThat(Api.json(response)).isEqualTo(Map.of("error", "Resource could not be found"));
        }
        assertThat(LIVEDESK.simulator().conversations()).extracting(SimulatedConversation::id).containsExactly(141L);
    }

    @Test
    void aNewConversationMayStartPendingWithAFirstMessage() throws Exception {
        contact("{\"inbox_id\":79}");

        HttpResponse<String> created = api.postJson(CONVERSATIONS,
                "{\"inbox_id\":79,\"contact_id\":1,\"status\":\"pending\",\"message\":{\"content\":\"Hello\"}}");
        HttpResponse<String> resolved = api.postJson(CONVERSATIONS,
                "{\"inbox_id\":79,\"contact_id\":1,\"status\":\"resolved\"}");

        assertThat(Api.json(created)).containsEntry("status", "pending");
        assertThat((List<?>) Api.json(created).get("messages")).hasSize(1);
        assertThat(LIVEDESK.simulator().conversation(142L).messages()).extracting(StoredMessage::content)
                .containsExactly("Hello");
        assertThat(resolved.statusCode()).isEqualTo(422);
        assertThat(Api.json(resolved)).containsEntry("attributes", List.of("status"));
        assertThat(LIVEDESK.simulator().conversations()).hasSize(2);
    }

    @Test
    void theStatusGoesThroughTheAllowedTransitions() throws Exception {
        long until = Instant.now().getEpochSecond() + 3600;
        assertThat(toggle(141, "{\"status\":\"pending\"}")).isEqualTo(success("pending"));
        assertThat(toggle(141, "{\"status\":\"snoozed\",\"snoozed_until\":" + until + "}"))
                .isEqualTo(success("snoozed"));
        assertThat(LIVEDESK.simulator().conversation(141L).snoozedUntil()).contains(Instant.ofEpochSecond(until));
        assertThat(toggle(141, "{\"status\":\"resolved\"}")).isEqualTo(success("resolved"));
        assertThat(toggle(141, "{\"status\":\"resolved\"}")).as("the same status again").isEqualTo(success("resolved"));
        assertThat(toggle(141, "{\"status\":\"open\"}")).isEqualTo(success("open"));
        assertThat(toggle(141, "{\"status\":\"snoozed\"}")).isEqualTo(success("snoozed"));
        assertThat(LIVEDESK.simulator().conversation(141L).snoozedUntil()).as("until the next reply").isEmpty();
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.SNOOZED);
    }

    @Test
    void aResolvedConversationCannotBeSnoozed() throws Exception {
        toggle(141, "{\"status\":\"resolved\"}");

        HttpResponse<String> refused = api.postJson(toggleStatusPath(141), "{\"status\":\"snoozed\"}");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Api.json(refused)).isEqualTo(Map.of("message",
                "Conversation status cannot go from resolved to snoozed", "attributes", List.of("status")));
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.RESOLVED);
    }

    @Test
    void snoozedUntilCountsOnlyWithSnoozed() throws Exception {
        assertThat(toggle(141, "{\"status\":\"pending\",\"snoozed_until\":1715000000}")).isEqualTo(success("pending"));
        assertThat(LIVEDESK.simulator().conversation(141L).snoozedUntil()).isEmpty();

        HttpResponse<String> notATime = api.postJson(toggleStatusPath(141),
                "{\"status\":\"snoozed\",\"snoozed_until\":\"tomorrow\"}");

        assertThat(notATime.statusCode()).isEqualTo(422);
        assertThat(Api.json(notATime)).containsEntry("attributes", List.of("snoozed_until"));
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.PENDING);
    }

    @Test
    void anUnknownStatusOrConversationIsRefused() throws Exception {
        for (String body : List.of("{\"status\":\"closed\"}", "{}", "{\"status\":1}")) {
            HttpResponse<String> response = api.postJson(toggleStatusPath(141), body);
            assertThat(response.statusCode()).as(body).isEqualTo(422);
            assertThat(Api.json(response)).as(body).containsEntry("attributes", List.of("status"));
        }
        assertThat(api.postJson(toggleStatusPath(999), "{\"status\":\"open\"}").statusCode()).isEqualTo(404);
        assertThat(api.post(toggleStatusPath(141), "application/json", "{\"status\":\"resolved\"}", null).statusCode())
                .isEqualTo(401);
        assertThat(api.post(CONVERSATIONS, "application/json", "{\"inbox_id\":79}", null).statusCode())
                .isEqualTo(401);
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void aCustomerReplyReopensASnoozedConversation() throws Exception {
        toggle(141, "{\"status\":\"snoozed\",\"snoozed_until\":1900000000}");

        LIVEDESK.simulator().conversation(141L).customerReply("I am back");

        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(LIVEDESK.simulator().conversation(141L).snoozedUntil()).isEmpty();
    }

    @Test
    void faultsForAConversationApplyToItsStatusChanges() throws Exception {
        LIVEDESK.simulator().faults().inject(Fault.status(503)).forConversation("141").forNext(1);

        assertThat(api.postJson(toggleStatusPath(141), "{\"status\":\"resolved\"}").statusCode()).isEqualTo(503);
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(api.postJson(toggleStatusPath(141), "{\"status\":\"resolved\"}").statusCode()).isEqualTo(200);
        assertThat(LIVEDESK.simulator().requests()).extracting(RecordedRequest::path, RecordedRequest::responseStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(toggleStatusPath(141), 503),
                        org.assertj.core.groups.Tuple.tuple(toggleStatusPath(141), 200));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInspectionApiShowsStatusContactAndInbox() throws Exception {
        contact("{\"inbox_id\":79}");
        api.postJson(CONVERSATIONS, "{\"inbox_id\":79,\"contact_id\":1,\"status\":\"pending\"}");
        toggle(141, "{\"status\":\"resolved\"}");

        List<Object> conversations = Api.jsonList(api.get("/__simulator/conversations"));

        assertThat((Map<String, Object>) conversations.get(0)).containsEntry("id", 141)
                .containsEntry("status", "resolved").containsEntry("contact_id", null).containsEntry("inbox_id", 79);
        assertThat((Map<String, Object>) conversations.get(1)).containsEntry("id", 142)
                .containsEntry("status", "pending").containsEntry("contact_id", 1).containsEntry("inbox_id", 79);
    }

    @Test
    void aResetForgetsContactsAndApiConversationsAndReopensSeededOnes() throws Exception {
        contact("{\"inbox_id\":79,\"email\":\"alice@acme.inc\"}");
        api.postJson(CONVERSATIONS, "{\"inbox_id\":79,\"contact_id\":1}");
        toggle(141, "{\"status\":\"resolved\"}");

        LIVEDESK.simulator().reset();

        assertThat(LIVEDESK.simulator().contacts()).isEmpty();
        assertThat(LIVEDESK.simulator().conversations()).extracting(SimulatedConversation::id).containsExactly(141L);
        assertThat(LIVEDESK.simulator().conversation(141L).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(contact("{\"inbox_id\":79,\"email\":\"alice@acme.inc\"}")).as("the email is free again")
                .containsEntry("id", 1);
    }

    private Map<String, Object> toggle(long conversation, String body) throws Exception {
        HttpResponse<String> response = api.postJson(toggleStatusPath(conversation), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    private static Map<String, Object> success(String status) {
        return Map.of("meta", Map.of(), "payload",
                Map.of("success", true, "current_status", status, "conversation_id", 141));
    }

    private static String toggleStatusPath(long conversation) {
        return CONVERSATIONS + "/" + conversation + "/toggle_status";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> contact(String json) throws Exception {
        HttpResponse<String> response = api.postJson("/api/v2/accounts/contacts", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Map<String, Object>) ((Map<String, Object>) Api.json(response).get("payload")).get("contact");
    }

    @SuppressWarnings("unchecked")
    private static String sourceId(Map<String, Object> contact) {
        return (String) ((List<Map<String, Object>>) contact.get("contact_inboxes")).get(0).get("source_id");
    }
}
