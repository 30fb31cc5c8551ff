package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code limit} requests in any interval of length {@code period}; a limit of 0 means no limit.
 * <p>
 * Enforced as a token bucket whose burst is 1/60 of the limit (one second's worth when the period is a minute), at
 * least 1, refilled at {@code limit - burst} tokens per {@code period + period/60}. In any interval of length
 * {@code period + period/60} a bucket hands out at most {@code burst + (limit - burst) = limit} tokens, so the limit
 * holds at the service even when requests reach it up to {@code period/60} (one second for a minute) later than
 * they left, relative to each other: the margin covers network jitter and a late timer.
 *
 * @param limit  requests allowed per period, 0 for none
 * @param period the interval the service counts over (LiveDesk: one minute)
 */
public record RateLimit(int limit, Duration period) {

    /** No limit: every request may go at once. */
    public static final RateLimit NONE = new RateLimit(0, Duration.ofMinutes(1));

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (none) or positive, was " + limit);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }

    /** {@code limit} requests per minute, the unit LiveDesk publishes its limits in. */
    public static RateLimit perMinute(int limit) {
        return new RateLimit(limit, Duration.ofMinutes(1));
    }

    /** Whether this limit paces anything. */
    public boolean isLimited() {
        return limit > 0;
    }

    /** Tokens available at once after a quiet period: 1/60 of the limit, at least 1. */
    public int burst() {
        return Math.max(1, limit / 60);
    }

    /** The margin added to the period when refilling: 1/60 of it (one second for a minute). */
    public Duration margin() {
        return period.dividedBy(60);
    }

    /** Nanoseconds between two refilled tokens, rounded up so the bucket never refills faster than promised. */
    public long refillIntervalNanos() {
        if (!isLimited()) {
            return 0;
        }
        long window = period.plus(margin()).toNanos();
        if (limit == burst()) {
            // a limit of 1: its one token comes back only after a whole window has passed
            return window + 1;
        }
        int refilled = limit - burst();
        return (window + refilled - 1) / refilled;
    }
}
