package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskConversation;

/**
 * {@code conversation_updated}: A conversation's attributes changed (labels, assignee, custom attributes).
 *
 * @param conversation the conversation
 * @param json         the delivery's body as received
 */
public record ConversationUpdated(LiveDeskConversation conversation,
        String json) implements LiveDeskEvent, ConversationEvent {

    /** The event's name. */
    public static final String EVENT = "conversation_updated";

    @Override
    public String event() {
        return EVENT;
    }
}
