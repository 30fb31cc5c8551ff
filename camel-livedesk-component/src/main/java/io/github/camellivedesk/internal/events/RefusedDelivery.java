package io.github.camellivedesk.internal.events;

/**
 * A delivery the consumer answers with a 4xx and does not route. The reason goes back to the sender and into a DEBUG
 * log line, so it never holds a secret or the body; no stack trace, as a refusal is an answer, not a fault.
 */
public final class RefusedDelivery extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public RefusedDelivery(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The HTTP status to answer: 400, 401, 413 or 415. */
    public int status() {
        return status;
    }

    /** A short reason, safe to send back and to log. */
    public String reason() {
        return getMessage();
    }
}
