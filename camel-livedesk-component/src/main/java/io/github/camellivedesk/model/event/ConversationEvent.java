package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskConversation;

/** What the three conversation events share: the conversation, as it is after the event. */
public interface ConversationEvent {

    /** The conversation. */
    LiveDeskConversation conversation();
}
