package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskContact;

/**
 * {@code contact_updated}: A contact's fields changed.
 *
 * @param contact the contact
 * @param json    the delivery's body as received
 */
public record ContactUpdated(LiveDeskContact contact, String json) implements LiveDeskEvent, ContactEvent {

    /** The event's name. */
    public static final String EVENT = "contact_updated";

    @Override
    public String event() {
        return EVENT;
    }
}
