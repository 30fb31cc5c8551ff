package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The conversation calls once a request is authenticated: create one for a contact, and change its status. */
final class ConversationCalls {

    private final ContactBook book;
    private final MessageStore store;
    private final long inboxId;
    private final ConversationJson json;

    ConversationCalls(ContactBook book, MessageStore store, long inboxId, ConversationJson json) {
        this.book = book;
        this.store = store;
        this.inboxId = inboxId;
        this.json = json;
    }

    /**
     * {@code POST /api/v2/accounts/conversations}: {@code inbox_id} plus {@code contact_id} (which wins) or the
     * contact inbox's {@code source_id}. As in Chatwoot, whose controller looks each of them up with {@code find}, a
     * missing or unknown inbox, contact or source id is a 404. Optional {@code status} ({@code open} by default, or
     * {@code pending}) and {@code message.content}, stored as the first outgoing message.
     */
    ApiResponse create(ApiCall call) throws IOException {
        Map<String, Object> body;
        try {
            body = JsonBody.read(call);
        } catch (Rejected rejected) {
            return rejected.response();
        }
        Long inbox = ContactCalls.id(body.get("inbox_id"));
        if (inbox == null || inbox != inboxId) {
            return ContactCalls.notFound();
        }
        SimulatedContact contact;
        if (body.get("contact_id") != null) {
            Long contactId = ContactCalls.id(body.get("contact_id"));
            contact = contactId == null ? null : book.find(contactId).orElse(null);
        } else {
            contact = body.get("source_id") instanceof String sourceId ? book.bySourceId(sourceId).orElse(null) : null;
        }
        if (contact == null) {
            return ContactCalls.notFound();
        }
        ConversationStatus status = ConversationStatus.OPEN;
        if (body.get("status") != null) {
            status = ConversationStatus.fromWire(body.get("status"))
                    .filter(s -> s == ConversationStatus.OPEN || s == ConversationStatus.PENDING).orElse(null);
            if (status == null) {
                return ApiResponse.json(422,
                        ErrorBodies.invalidField("status", "Status must be open or pending for a new conversation"));
            }
        }
        String content = null;
        if (body.containsKey("message")) {
            if (!(body.get("message") instanceof Map<?, ?> message) || !(message.get("content") instanceof String text)
                    || text.isBlank()) {
                return ApiResponse.json(422, ErrorBodies.invalidField("content", "Message content can't be blank"));
            }
            content = text;
        }
        SimulatedConversation conversation = store.createFor(contact, status);
        if (content != null) {
            store.outgoing(conversation, store.nextMessageId(), content, false, null, null, List.of());
        }
        return ApiResponse.json(200, JsonWriter.write(json.toMap(conversation)));
    }

    /**
     * {@code POST /api/v2/accounts/conversations/{id}/toggle_status}. {@code status} is required (LiveDesk; Chatwoot
     * would toggle open and resolved without it); {@code snoozed_until} counts only with {@code snoozed}, as the
     * documentation says, and is ignored otherwise (its own example sends it with {@code resolved}).
     */
    ApiResponse toggleStatus(ApiCall call, String conversationSegment) throws IOException {
        Long id = MessageStore.parseId(conversationSegment);
        SimulatedConversation conversation = id == null ? null : store.find(id).orElse(null);
        if (conversation == null) {
            return ContactCalls.notFound();
        }
        Map<String, Object> body;
        try {
            body = JsonBody.read(call);
        } catch (Rejected rejected) {
            return rejected.response();
        }
        ConversationStatus target = ConversationStatus.fromWire(body.get("status")).orElse(null);
        if (target == null) {
            return ApiResponse.json(422, ErrorBodies.invalidField("status",
                    "Status must be one of open, resolved, pending, snoozed"));
        }
        Instant until = null;
        if (target == ConversationStatus.SNOOZED && body.get("snoozed_until") != null) {
            if (!(body.get("snoozed_until") instanceof Number seconds)) {
                return ApiResponse.json(422,
                        ErrorBodies.invalidField("snoozed_until", "Snoozed until must be a unix time in seconds"));
            }
            until = Instant.ofEpochSecond(seconds.longValue());
        }
        SimulatedConversation.StatusChange change = conversation.changeStatus(target, until);
        if (!change.accepted()) {
            return ApiResponse.json(422, ErrorBodies.invalidField("status", "Conversation status cannot go from "
                    + change.from().wireName() + " to " + change.to().wireName()));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("success", true);
        payload.put("current_status", change.to().wireName());
        payload.put("conversation_id", conversation.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meta", Map.of());
        answer.put("payload", payload);
        return ApiResponse.json(200, JsonWriter.write(answer));
    }
}
