package io.github.camellivedesk.error;

import java.time.Duration;
import java.util.Optional;

import org.apache.camel.spi.HttpResponseAware;

/**
 * LiveDesk answered with a status other than 2xx.
 * <p>
 * Carries the status, the error text parsed from whichever error body shape the service used, a bounded excerpt of
 * the raw body and the {@code Retry-After} delay when the service sent one.
 */
public class LiveDeskHttpException extends LiveDeskException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int statusCode;
    private String statusText;
    private final String errorMessage;
    private final String responseBodyExcerpt;
    private final Duration retryAfter;

    public LiveDeskHttpException(int statusCode, String statusText, String errorMessage, String responseBodyExcerpt,
            Duration retryAfter) {
        this(statusCode, statusText, errorMessage, responseBodyExcerpt, retryAfter, null);
    }

    /**
     * @param subject what the request was about, e.g. {@code conversation '141' or message 7}; a 404 names it
     */
    public LiveDeskHttpException(int statusCode, String statusText, String errorMessage, String responseBodyExcerpt,
            Duration retryAfter, String subject) {
        super(describe(statusCode, errorMessage, subject), null);
        this.statusCode = statusCode;
        this.statusText = statusText;
        this.errorMessage = errorMessage;
        this.responseBodyExcerpt = responseBodyExcerpt;
        this.retryAfter = retryAfter;
    }

    private static String describe(int statusCode, String errorMessage, String subject) {
        String meaning = switch (statusCode) {
            case 400 -> "bad request";
            case 401 -> "authentication failed: check the apiKey and apiSecret options";
            case 403 -> "forbidden: the API key may not use this conversation";
            case 404 -> subject == null ? "not found: check the conversation id and message id"
                    : !subject.startsWith("conversation ") ? "not found: " + subject
                            + " does not exist or this API key cannot see it"
                            : "not found: check the conversation id"
                                    + (subject.contains(" message ") ? " and message id" : "")
                                    + "; " + subject + " does not exist or this API key cannot see it";
            case 413 -> "payload too large";
            case 422 -> "request rejected";
            case 429 -> "rate limited";
            default -> statusCode >= 500 ? "server error" : "unexpected status";
        };
        return "LiveDesk answered HTTP " + statusCode + " (" + meaning + ")"
                + (errorMessage == null || errorMessage.isEmpty() ? "" : ": " + errorMessage);
    }

    /** The HTTP status code. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The error text found in the body ({@code error}, {@code message}, {@code error.message}), if any. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** The start of the response body, at most a few kilobytes, for logs and dead-letter channels. */
    public String getResponseBodyExcerpt() {
        return responseBodyExcerpt;
    }

    /** The delay the service asked for in {@code Retry-After}, when it sent one. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        // 5xx can come from a gateway after the application processed the request; a 4xx is a definite "no".
        return statusCode >= 500;
    }

    @Override
    public boolean isRetryable() {
        return statusCode == 429 || statusCode == 408 || statusCode >= 500;
    }
}
