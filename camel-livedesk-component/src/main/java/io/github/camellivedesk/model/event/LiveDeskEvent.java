package io.github.camellivedesk.model.event;

/**
 * A webhook event LiveDesk delivered to {@code from("livedesk:events")}: one record per event the component knows,
 * and {@link OtherEvent} for any other, so that an event LiveDesk adds later reaches the route instead of being
 * refused. A route switches on the type:
 *
 * <pre>{@code
 * if (exchange.getMessage().getBody() instanceof MessageCreated created && created.isIncoming()) { ... }
 * }</pre>
 * <p>
 * Every event keeps the JSON it was read from ({@link #json()}): {@code convertBodyTo(String.class)} gives it, and
 * {@code convertBodyTo(Map.class)} its fields, so fields the records do not model are never lost.
 */
public sealed interface LiveDeskEvent permits MessageCreated, MessageUpdated, ConversationCreated,
        ConversationUpdated, ConversationStatusChanged, ContactCreated, ContactUpdated, OtherEvent {

    /** The {@code event} field of the delivery, e.g. {@code message_created}. */
    String event();

    /** The delivery's body as received, a JSON object with the {@code event} field and the event's payload. */
    String json();
}
