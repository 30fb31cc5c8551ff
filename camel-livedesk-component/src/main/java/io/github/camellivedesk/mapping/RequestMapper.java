package io.github.camellivedesk.mapping;

import org.apache.camel.Exchange;

import io.github.camellivedesk.error.LiveDeskValidationException;

/** Turns an exchange into the request of one operation. */
public interface RequestMapper {

    /**
     * Reads the body, headers and options of the exchange into a typed request.
     *
     * @throws LiveDeskValidationException when they cannot make a valid request; nothing has been sent then
     */
    LiveDeskCall map(Exchange exchange);
}
