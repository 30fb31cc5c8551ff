package io.github.camellivedesk.model.event;

import io.github.camellivedesk.model.LiveDeskContact;

/** What the two contact events share: the contact, as it is after the event. */
public interface ContactEvent {

    /** The contact. */
    LiveDeskContact contact();
}
