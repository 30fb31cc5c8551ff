package io.github.camellivedesk.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders contacts in the answer shape of LiveDesk's "Create Contact" example (Chatwoot's contact serializer), with
 * the contact inbox of the API channel.
 */
final class ContactJson {

    private ContactJson() {
    }

    /** The contact with its {@code contact_inboxes}, as create and search answer it. */
    static Map<String, Object> withInboxes(SimulatedContact contact) {
        Map<String, Object> json = fields(contact);
        json.put("contact_inboxes", List.of(contactInbox(contact)));
        return json;
    }

    /** The contact as a conversation's {@code meta.sender}: its fields and {@code type: contact}. */
    static Map<String, Object> sender(SimulatedContact contact) {
        Map<String, Object> json = fields(contact);
        json.put("type", "contact");
        return json;
    }

    private static Map<String, Object> fields(SimulatedContact contact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("additional_attributes", Map.of());
        json.put("availability_status", "offline");
        json.put("email", contact.email());
        json.put("id", contact.id());
        json.put("name", contact.name());
        json.put("phone_number", contact.phoneNumber());
        json.put("blocked", false);
        json.put("identifier", contact.identifier());
        // Chatwoot fetches avatar_url in the background: the thumbnail is empty in the create answer
        json.put("thumbnail", "");
        json.put("custom_attributes", Map.of());
        json.put("last_activity_at", null);
        json.put("created_at", contact.createdAt().getEpochSecond());
        return json;
    }

    private static Map<String, Object> contactInbox(SimulatedContact contact) {
        Map<String, Object> inbox = new LinkedHashMap<>();
        inbox.put("id", contact.inboxId());
        inbox.put("avatar_url", "");
        inbox.put("channel_id", contact.inboxId());
        inbox.put("name", "API");
        inbox.put("channel_type", "Channel::Api");
        inbox.put("provider", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source_id", contact.sourceId());
        json.put("inbox", inbox);
        return json;
    }
}
