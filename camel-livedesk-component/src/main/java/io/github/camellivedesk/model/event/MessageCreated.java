package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * {@code message_created}: A message was stored in a conversation: a customer wrote (incoming), an agent or the API sent one (outgoing), or an agent wrote a private note. A message that failed at once comes with status failed.
 *
 * @param message the message
 * @param json    the delivery's body as received
 */
public record MessageCreated(LiveDeskMessage message, String json) implements LiveDeskEvent, MessageEvent {

    /** The event's name. */
    public static final String EVENT = "message_created";

    @Override
    public String event() {
        return EVENT;
    }
}
