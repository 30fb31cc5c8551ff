package io.github.camellivedesk.error;

/**
 * No usable HTTP answer: the connection was refused, reset or closed, TLS failed, or the answer was cut short.
 * <p>
 * {@link #isRequestMayHaveReachedLiveDesk()} is false only when the request was never written to a connection
 * (refused, unknown host, TLS handshake failure); once it was written, LiveDesk may have stored the message.
 */
public class LiveDeskTransportException extends LiveDeskException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    public LiveDeskTransportException(String message, boolean requestSent, Throwable cause) {
        super(message, cause);
        this.requestSent = requestSent;
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return requestSent;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
