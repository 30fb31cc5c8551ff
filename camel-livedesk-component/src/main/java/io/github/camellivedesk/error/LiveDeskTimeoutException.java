package io.github.camellivedesk.error;

/**
 * No complete answer within the {@code requestTimeout} (or no connection within {@code connectTimeout}).
 */
public class LiveDeskTimeoutException extends LiveDeskTransportException {

    private static final long serialVersionUID = 1L;

    public LiveDeskTimeoutException(String message, boolean requestSent, Throwable cause) {
        super(message, requestSent, cause);
    }
}
