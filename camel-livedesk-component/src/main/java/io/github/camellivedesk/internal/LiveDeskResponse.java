package io.github.camellivedesk.internal;

/**
 * A 2xx answer: its status and what LiveDesk returned, typed by the request: a {@code LiveDeskMessage} (also when
 * its {@code status} is {@code failed}: what that means is the caller's decision), a {@code LiveDeskContact}, a
 * {@code LiveDeskConversation} or a {@code StatusChange}.
 */
public record LiveDeskResponse(int statusCode, Object answer) {
}
