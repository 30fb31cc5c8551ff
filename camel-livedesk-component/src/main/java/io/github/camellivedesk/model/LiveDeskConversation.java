package io.github.camellivedesk.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A conversation as LiveDesk answers it. Unknown fields are ignored.
 *
 * @param id           conversation id: what {@code livedesk:send?conversationId=...} addresses
 * @param inboxId      {@code inbox_id}
 * @param status       {@code open}, {@code resolved}, {@code pending} or {@code snoozed}
 * @param contactId    {@code contact_id}, when the answer gives it at the top
 * @param meta         {@code meta}, whose {@code sender} is the contact
 * @param contactInbox {@code contact_inbox}, with the contact's {@code source_id}, when given
 * @param createdAt    {@code created_at}, epoch seconds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveDeskConversation(
        @JsonProperty("id") long id,
        @JsonProperty("inbox_id") Long inboxId,
        @JsonProperty("status") String status,
        @JsonProperty("contact_id") Long contactId,
        @JsonProperty("meta") Meta meta,
        @JsonProperty("contact_inbox") ContactInbox contactInbox,
        @JsonProperty("created_at") Long createdAt) {

    /**
     * What a conversation answer says about its people.
     *
     * @param sender the contact the conversation is with
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(@JsonProperty("sender") MessageSender sender) {
    }

    /** The contact the conversation is with: {@code contact_id}, else {@code meta.sender.id}. */
    public Optional<Long> contact() {
        if (contactId != null) {
            return Optional.of(contactId);
        }
        return Optional.ofNullable(meta).map(Meta::sender).map(MessageSender::id);
    }

    /** The contact's {@code source_id} in the conversation's inbox, when the answer gives it. */
    public Optional<String> sourceId() {
        return Optional.ofNullable(contactInbox).map(ContactInbox::sourceId);
    }
}
