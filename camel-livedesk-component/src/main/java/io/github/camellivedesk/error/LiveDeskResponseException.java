package io.github.camellivedesk.error;

/**
 * LiveDesk answered 2xx but the body is not a message the component can read (not JSON, empty, or too large).
 * The service accepted the request, so the message was most likely stored: do not redeliver blindly.
 */
public class LiveDeskResponseException extends LiveDeskException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String responseBodyExcerpt;

    public LiveDeskResponseException(String message, int statusCode, String responseBodyExcerpt, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.responseBodyExcerpt = responseBodyExcerpt;
    }

    /** The HTTP status of the unreadable answer. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The start of the unreadable body. */
    public String getResponseBodyExcerpt() {
        return responseBodyExcerpt;
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return true;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
