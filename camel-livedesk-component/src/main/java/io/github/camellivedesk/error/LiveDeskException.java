package io.github.camellivedesk.error;

/**
 * Root of every failure the LiveDesk component and client report.
 * <p>
 * Each subtype answers one question a redelivery policy needs: may the request have reached LiveDesk? If it may
 * have, redelivering can send the customer a duplicate message; if it surely did not, redelivery is always safe.
 */
public abstract class LiveDeskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected LiveDeskException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether LiveDesk may have received (and acted on) the request. {@code false} means it surely did not: the
     * request was rejected before sending, the connection was never established, or the service answered that it
     * did not process it (for example 429). {@code true} means it did, or we cannot know (timeout, reset after the
     * request was written).
     */
    public abstract boolean isRequestMayHaveReachedLiveDesk();

    /**
     * Whether sending the same request again can succeed without a change: true for throttling, server errors and
     * transport failures, false for validation errors, rejected requests and permanent WhatsApp errors.
     */
    public abstract boolean isRetryable();
}
