package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskConversation;

/**
 * {@code conversation_status_changed}: an agent, the API or a customer's reply changed a conversation's status (e.g.
 * resolved, or reopened by the customer writing again).
 *
 * @param conversation   the conversation, with its new status
 * @param previousStatus the status before, from {@code changed_attributes}; null when the delivery does not say
 * @param json           the delivery's body as received
 */
public record ConversationStatusChanged(LiveDeskConversation conversation, String previousStatus, String json)
        implements
            LiveDeskEvent,
            ConversationEvent {

    /** The event's name. */
    public static final String EVENT = "conversation_status_changed";

    @Override
    public String event() {
        return EVENT;
    }
}
