package io.github.camellivedesk.error;

/**
 * LiveDesk refused the credentials (401) or their use for this conversation (403). Redelivery cannot help; fix the
 * {@code apiKey} and {@code apiSecret} options.
 */
public class LiveDeskAuthenticationException extends LiveDeskHttpException {

    private static final long serialVersionUID = 1L;

    public LiveDeskAuthenticationException(int statusCode, String statusText, String errorMessage,
            String responseBodyExcerpt) {
        super(statusCode, statusText, errorMessage, responseBodyExcerpt, null);
    }
}
