package io.github.camellivedesk.model;

import java.util.Locale;

/** A conversation's status, as {@code toggle_status} takes and answers it. */
public enum ConversationStatus {
    /** Waiting for an agent. */
    OPEN,
    /** Done; a new message from the customer opens it again. */
    RESOLVED,
    /** Not yet visible to agents (a bot handles it). */
    PENDING,
    /** Set aside until {@code snoozed_until}, or until the customer's next message. */
    SNOOZED;

    /** The name on the wire: lower case. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire name (any case), or null when it is none of them. */
    public static ConversationStatus fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (ConversationStatus status : values()) {
            if (status.wireValue().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        return null;
    }
}
