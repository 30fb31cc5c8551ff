package io.github.camellivedesk.error;

import java.time.Duration;

/**
 * LiveDesk answered 429 on every attempt the rate-limit policy allowed (see the {@code rateLimitMaxRetries} and
 * {@code rateLimitMaxWait} options). The service did not process the request, so redelivering it later is safe.
 */
public class LiveDeskRateLimitException extends LiveDeskHttpException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public LiveDeskRateLimitException(String statusText, String errorMessage, String responseBodyExcerpt,
            Duration retryAfter, int attempts) {
        super(429, statusText, errorMessage, responseBodyExcerpt, retryAfter);
        this.attempts = attempts;
    }

    /** How many times the request was sent, all answered 429. */
    public int getAttempts() {
        return attempts;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " (after " + attempts + (attempts == 1 ? " attempt)" : " attempts)");
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return false;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
