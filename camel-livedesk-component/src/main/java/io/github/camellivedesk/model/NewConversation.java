package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A conversation to create with {@code POST /api/v2/accounts/conversations}, with a contact in an API channel.
 *
 * @param inboxId   {@code inbox_id}: the API channel (inbox); required
 * @param contactId {@code contact_id}: the contact LiveDesk gave when it was created; this or {@code sourceId}
 * @param sourceId  {@code source_id}: the contact's id in this inbox (its contact inbox); this or {@code contactId}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "inbox_id", "contact_id", "source_id" })
public record NewConversation(
        @JsonProperty("inbox_id") Long inboxId,
        @JsonProperty("contact_id") Long contactId,
        @JsonProperty("source_id") String sourceId) {

    /** A conversation with this contact in this inbox. */
    public static NewConversation withContact(long inboxId, long contactId) {
        return new NewConversation(inboxId, contactId, null);
    }

    /** A conversation with the contact whose contact inbox has this source id. */
    public static NewConversation withSource(long inboxId, String sourceId) {
        return new NewConversation(inboxId, null, sourceId);
    }
}
