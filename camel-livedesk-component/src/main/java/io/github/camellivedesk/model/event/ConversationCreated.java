package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskConversation;

/**
 * {@code conversation_created}: A conversation was created (LiveDesk documents this event, with the whole conversation).
 *
 * @param conversation the conversation
 * @param json         the delivery's body as received
 */
public record ConversationCreated(LiveDeskConversation conversation,
        String json) implements LiveDeskEvent, ConversationEvent {

    /** The event's name. */
    public static final String EVENT = "conversation_created";

    @Override
    public String event() {
        return EVENT;
    }
}
