package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * {@code message_updated}: A stored message changed, usually its status: delivered, read, or failed after the fact with content_attributes.external_error (e.g. 131047, the closed 24-hour window).
 *
 * @param message the message
 * @param json    the delivery's body as received
 */
public record MessageUpdated(LiveDeskMessage message, String json) implements LiveDeskEvent, MessageEvent {

    /** The event's name. */
    public static final String EVENT = "message_updated";

    @Override
    public String event() {
        return EVENT;
    }
}
