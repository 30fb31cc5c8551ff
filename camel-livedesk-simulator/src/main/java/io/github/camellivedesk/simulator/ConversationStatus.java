package io.github.camellivedesk.simulator;

import java.util.Locale;
import java.util.Optional;

/**
 * A conversation's status, as {@code toggle_status} sets it (Chatwoot's set). LiveDesk checks a transition matrix
 * ({@code STATUS_TRANSITIONS}) it does not publish; the simulator follows LiveDesk's documented "Conversation Status
 * Flow", where {@code pending} is the AI-replying state: every change is allowed except {@code resolved} to
 * {@code snoozed} (a resolved conversation is reopened first). Setting the current status again is accepted.
 */
public enum ConversationStatus {
    OPEN, RESOLVED, PENDING, SNOOZED;

    /** The name on the wire: {@code open}, {@code resolved}, {@code pending}, {@code snoozed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the service lets a conversation in this status go to {@code target}. */
    public boolean canGoTo(ConversationStatus target) {
        return !(this == RESOLVED && target == SNOOZED);
    }

    /** The status with this wire name, if it is one. */
    static Optional<ConversationStatus> fromWire(Object value) {
        if (value instanceof String name) {
            for (ConversationStatus status : values()) {
                if (status.wireName().equals(name)) {
                    return Optional.of(status);
                }
            }
        }
        return Optional.empty();
    }
}
