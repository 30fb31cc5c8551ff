package io.github.camellivedesk.internal;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * A 2xx answer: its status and the message LiveDesk returned (also when the message's {@code status} is
 * {@code failed}: what that means is the caller's decision).
 */
public record LiveDeskResponse(int statusCode, LiveDeskMessage message) {
}
