package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskContact;

/**
 * {@code contact_created}: A contact was created in the account.
 *
 * @param contact the contact
 * @param json    the delivery's body as received
 */
public record ContactCreated(LiveDeskContact contact, String json) implements LiveDeskEvent, ContactEvent {

    /** The event's name. */
    public static final String EVENT = "contact_created";

    @Override
    public String event() {
        return EVENT;
    }
}
