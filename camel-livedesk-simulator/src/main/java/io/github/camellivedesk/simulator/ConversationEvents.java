package io.github.camellivedesk.simulator;

/**
 * What happens to conversations and messages that an inbox's webhook reports. Called by the store and conversations
 * in the order things happen, after the change is made; {@link #NONE} when no webhook is set, so building no payload
 * costs a load test nothing.
 */
interface ConversationEvents {

    ConversationEvents NONE = new ConversationEvents() {
    };

    default void conversationCreated(SimulatedConversation conversation) {
    }

    default void statusChanged(SimulatedConversation conversation, ConversationStatus from, ConversationStatus to) {
    }

    default void messageCreated(SimulatedConversation conversation, StoredMessage message) {
    }

    default void messageUpdated(SimulatedConversation conversation, StoredMessage message) {
    }
}
