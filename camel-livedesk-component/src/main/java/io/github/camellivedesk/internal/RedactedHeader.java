package io.github.camellivedesk.internal;

import org.apache.hc.core5.http.message.BasicHeader;

/**
 * A header whose value goes on the wire but never into {@code toString()}, which is what HttpClient's header log
 * prints at DEBUG.
 */
final class RedactedHeader extends BasicHeader {

    private static final long serialVersionUID = 1L;

    RedactedHeader(String name, String value) {
        super(name, value, true);
    }

    @Override
    public String toString() {
        return getName() + ": ***";
    }
}
