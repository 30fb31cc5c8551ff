package io.github.camellivedesk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a {@code livedesk:} endpoint does, named by the URI path. */
public enum LiveDeskOperation {
    /** Send a text message, a private note, or files. */
    send,
    /** Send a WhatsApp template message. */
    template,
    /** Resend a message whose status is failed. */
    retry,
    /** Create a contact in an API channel. */
    contact,
    /** Create a conversation with a contact in an API channel. */
    conversation,
    /** Change a conversation's status. */
    status,
    /** Receive LiveDesk's webhook events ({@code from} only). */
    events;

    /** Parses the URI path, naming the valid operations when it is none of them. */
    static LiveDeskOperation fromPath(String path) {
        String name = path == null ? "" : path.trim().toLowerCase(Locale.ROOT);
        for (LiveDeskOperation operation : values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown LiveDesk operation '" + path + "' in livedesk:" + path
                + ". Use one of " + Arrays.stream(values()).map(o -> "livedesk:" + o.name())
                        .collect(Collectors.joining(", ")));
    }
}
