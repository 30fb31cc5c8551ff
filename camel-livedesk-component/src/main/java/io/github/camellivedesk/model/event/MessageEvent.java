package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * What the two message events share: the message, and which way it went.
 */
public interface MessageEvent {

    /** {@code message_type} of a customer's message. */
    int INCOMING = 0;
    /** {@code message_type} of an agent's (or the API's) message. */
    int OUTGOING = 1;
    /** {@code message_type} of a note LiveDesk writes itself (assignment, status changes). */
    int ACTIVITY = 2;
    /** {@code message_type} of a template message, sent outgoing. */
    int TEMPLATE = 3;

    /** The message, with {@code message_type} as a number (LiveDesk's webhooks send it as a word). */
    LiveDeskMessage message();

    /**
     * Which kind of message this is, as the {@code messageTypes} filter names it: {@code private} for a private note,
     * else {@code incoming} (from the customer), {@code outgoing} (to the customer, templates too) or
     * {@code activity}.
     */
    default String kind() {
        LiveDeskMessage message = message();
        if (Boolean.TRUE.equals(message.privateMessage())) {
            return "private";
        }
        Integer type = message.messageType();
        if (type == null) {
            return "outgoing";
        }
        return switch (type) {
            case INCOMING -> "incoming";
            case ACTIVITY -> "activity";
            default -> "outgoing";
        };
    }

    /** Whether the customer wrote this message. */
    default boolean isIncoming() {
        return "incoming".equals(kind());
    }
}
