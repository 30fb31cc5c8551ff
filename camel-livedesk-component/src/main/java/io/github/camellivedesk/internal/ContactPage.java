package io.github.camellivedesk.internal;

import java.util.List;

import io.github.camellivedesk.model.LiveDeskContact;

/**
 * One page of a contact search.
 *
 * @param contacts the contacts on the page
 * @param count    how many contacts the search found in all pages
 */
public record ContactPage(List<LiveDeskContact> contacts, long count) {

    public ContactPage {
        contacts = List.copyOf(contacts);
    }
}
