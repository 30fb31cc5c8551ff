package io.github.camellivedesk.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders conversations in the answer shape of LiveDesk's "Create Conversation" example, which is Chatwoot's
 * conversation serializer ({@code meta.sender} first), plus the {@code contact_inbox} that LiveDesk's
 * {@code conversation_created} event carries.
 */
final class ConversationJson {

    private final long accountId;
    private final MessageJson messages;

    ConversationJson(long accountId, MessageJson messages) {
        this.accountId = accountId;
        this.messages = messages;
    }

    Map<String, Object> toMap(SimulatedConversation conversation) {
        SimulatedContact contact = conversation.contact().orElse(null);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sender", contact == null ? null : ContactJson.sender(contact));
        meta.put("channel", "Channel::Api");
        meta.put("assignee", null);
        meta.put("hmac_verified", false);
        long created = conversation.createdAt().getEpochSecond();
        List<Object> stored = new ArrayList<>();
        conversation.messages().forEach(message -> stored.add(messages.toMap(message)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        json.put("id", conversation.id());
        json.put("messages", stored);
        json.put("account_id", accountId);
        json.put("additional_attributes", Map.of());
        json.put("agent_last_seen_at", 0);
        json.put("assignee_last_seen_at", 0);
        json.put("can_reply", conversation.windowOpen());
        json.put("contact_last_seen_at", 0);
        json.put("custom_attributes", Map.of());
        json.put("inbox_id", conversation.inboxId());
        json.put("labels", List.of());
        json.put("muted", false);
        json.put("snoozed_until",
                conversation.snoozedUntil().map(until -> (Object) until.getEpochSecond()).orElse(null));
        json.put("status", conversation.status().wireName());
        json.put("created_at", created);
        json.put("updated_at", created);
        json.put("timestamp", created);
        json.put("first_reply_created_at", null);
        json.put("unread_count", 0);
        json.put("last_activity_at", created);
        json.put("priority", null);
        json.put("waiting_since", created);
        if (contact != null) {
            Map<String, Object> contactInbox = new LinkedHashMap<>();
            contactInbox.put("contact_id", contact.id());
            contactInbox.put("inbox_id", contact.inboxId());
            contactInbox.put("source_id", contact.sourceId());
            contactInbox.put("hmac_verified", false);
            json.put("contact_inbox", contactInbox);
        }
        return json;
    }
}
