package io.github.camellivedesk.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds Chatwoot's webhook payloads (which LiveDesk's API channel sends) and hands them to the sender. A payload is
 * built when the event happens, so it shows the state of that moment even when its delivery waits behind others.
 */
final class WebhookEvents implements ConversationEvents {

    static final String INBOX_NAME = "LiveDesk Simulator";

    private final WebhookSender sender;
    private final MessageJson messages;
    private final ConversationJson conversations;
    private final long accountId;

    WebhookEvents(WebhookSender sender, MessageJson messages, ConversationJson conversations, long accountId) {
        this.sender = sender;
        this.messages = messages;
        this.conversations = conversations;
        this.accountId = accountId;
    }

    @Override
    public void conversationCreated(SimulatedConversation conversation) {
        sender.send("conversation_created", withEvent("conversation_created", conversations.toMap(conversation)));
    }

    @Override
    public void statusChanged(SimulatedConversation conversation, ConversationStatus from, ConversationStatus to) {
        Map<String, Object> payload = withEvent("conversation_status_changed", conversations.toMap(conversation));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("previous_value", from.wireName());
        change.put("current_value", to.wireName());
        payload.put("changed_attributes", List.of(Map.of("status", change)));
        sender.send("conversation_status_changed", payload);
    }

    @Override
    public void messageCreated(SimulatedConversation conversation, StoredMessage message) {
        sender.send("message_created", message("message_created", conversation, message));
    }

    @Override
    public void messageUpdated(SimulatedConversation conversation, StoredMessage message) {
        sender.send("message_updated", message("message_updated", conversation, message));
    }

    private Map<String, Object> message(String event, SimulatedConversation conversation, StoredMessage message) {
        Map<String, Object> payload = withEvent(event, messages.toMap(message));
        // the webhook names the type, where the API answers a number
        payload.put("message_type", message.messageType());
        Map<String, Object> summary = conversations.toMap(conversation);
        // Chatwoot's message webhook carries the conversation without its messages
        summary.remove("messages");
        payload.put("conversation", summary);
        Map<String, Object> inbox = new LinkedHashMap<>();
        inbox.put("id", conversation.inboxId());
        inbox.put("name", INBOX_NAME);
        payload.put("inbox", inbox);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", accountId);
        account.put("name", "Simulated Account");
        payload.put("account", account);
        return payload;
    }

    private static Map<String, Object> withEvent(String event, Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", event);
        payload.putAll(fields);
        return payload;
    }
}
