package io.github.camellivedesk.internal;

/**
 * A 2xx answer: its status and what LiveDesk returned, typed by the request: a {@code LiveDeskMessage} (also when
 * its {@code status} is {@code failed}: what that means is the caller's decision), a {@code LiveDeskContact}, a
 * {@code LiveDeskConversation} or a {@code StatusChange}.
 *
 * @param customer the customer's conversation a message addressed to a customer went to; null for every other request
 */
public record LiveDeskResponse(int statusCode, Object answer, CustomerConversation customer) {

    public LiveDeskResponse(int statusCode, Object answer) {
        this(statusCode, answer, null);
    }

    /** This answer, to a message the dispatcher sent to the customer's conversation. */
    public LiveDeskResponse toCustomer(CustomerConversation conversation) {
        return new LiveDeskResponse(statusCode, answer, conversation);
    }
}
