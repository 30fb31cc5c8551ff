package io.github.camellivedesk.internal;

import java.util.Objects;

/**
 * A customer's contact and the conversation with them in one inbox: what the component remembers per customer.
 *
 * @param conversationId the conversation, as the API's paths take it
 * @param contactId      the contact
 */
public record CustomerConversation(String conversationId, long contactId) {

    public CustomerConversation {
        Objects.requireNonNull(conversationId, "conversationId");
    }
}
