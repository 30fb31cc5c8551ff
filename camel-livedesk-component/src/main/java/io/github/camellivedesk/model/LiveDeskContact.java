package io.github.camellivedesk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact as LiveDesk answers it (the {@code payload.contact} of a create). Unknown fields are ignored.
 *
 * @param id             contact id
 * @param name           name
 * @param email          email address
 * @param phoneNumber    {@code phone_number}
 * @param identifier     your key for the customer
 * @param thumbnail      picture URL, often empty
 * @param contactInboxes {@code contact_inboxes}: the inboxes it is in, with its {@code source_id} in each; empty when
 *                       the answer lists none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveDeskContact(
        @JsonProperty("id") long id,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("phone_number") String phoneNumber,
        @JsonProperty("identifier") String identifier,
        @JsonProperty("thumbnail") String thumbnail,
        @JsonProperty("contact_inboxes") List<ContactInbox> contactInboxes) {

    public LiveDeskContact {
        contactInboxes = contactInboxes == null ? List.of() : List.copyOf(contactInboxes);
    }

    /** The contact's {@code source_id} in this inbox, when the answer gave it. */
    public Optional<String> sourceId(long inboxId) {
        return contactInboxes.stream()
                .filter(inbox -> inbox.inbox() != null && inbox.inbox().id() != null && inbox.inbox().id() == inboxId)
                .map(ContactInbox::sourceId).findFirst();
    }

    /** This contact with one more contact inbox (an answer may give it beside the contact). */
    public LiveDeskContact withContactInbox(ContactInbox inbox) {
        List<ContactInbox> all = new ArrayList<>(contactInboxes);
        all.add(inbox);
        return new LiveDeskContact(id, name, email, phoneNumber, identifier, thumbnail, all);
    }
}
