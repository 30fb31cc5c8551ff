package io.github.camellivedesk.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client answers a 429: wait what {@code Retry-After} asks, or back off exponentially with equal jitter (a
 * random wait between half the backoff and all of it) when the answer has none, and send again, at most
 * {@code maxRetries} times and never waiting longer than {@code maxWait} at once. A 429 means the service did not process the request, so sending it again is safe.
 *
 * @param maxRetries     how many times to resend after a 429; 0 disables waiting
 * @param maxWait        the longest single wait; a longer {@code Retry-After} ends the retries at once
 * @param initialBackoff the first backoff when there is no {@code Retry-After}; doubled per attempt
 */
public record RateLimitPolicy(int maxRetries, Duration maxWait, Duration initialBackoff) {

    public RateLimitPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        if (maxWait == null || maxWait.isNegative() || initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("maxWait and initialBackoff must be zero or positive durations");
        }
    }

    /**
     * The wait before resending after the {@code attempt}-th 429 (1-based), or empty when the request must fail:
     * retries exhausted or the service asks to wait longer than {@code maxWait}.
     */
    public Optional<Duration> waitBeforeRetry(int attempt, Duration retryAfter) {
        if (attempt > maxRetries) {
            return Optional.empty();
        }
        Duration wait;
        if (retryAfter != null) {
            wait = retryAfter;
        } else {
            // equal jitter: spreads the retries of many producers throttled at the same moment, while never
            // waiting less than half the backoff (full jitter could resend at once and be throttled again)
            long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
            wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, Math.max(ceiling, 1) + 1));
        }
        if (wait.compareTo(maxWait) > 0) {
            return retryAfter != null ? Optional.empty() : Optional.of(maxWait);
        }
        return Optional.of(wait);
    }
}
