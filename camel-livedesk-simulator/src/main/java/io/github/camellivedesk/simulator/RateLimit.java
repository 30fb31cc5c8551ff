package io.github.camellivedesk.simulator;

import java.time.Duration;

/**
 * At most {@code requests} in any sliding window of {@code period}: the simulator's model of LiveDesk's throttling
 * (about 3,000 requests a minute per client address, about 200 messages a minute per conversation).
 */
record RateLimit(int requests, Duration period) {

    RateLimit {
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per period, got " + requests
                    + "; leave the limit unset to turn it off");
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive period, got " + period);
        }
    }

    /** The limit, or null (off) when {@code requests} is 0. */
    static RateLimit of(int requests, Duration period) {
        if (requests == 0) {
            return null;
        }
        return new RateLimit(requests, period);
    }

    @Override
    public String toString() {
        return requests + " per " + describe(period);
    }

    static String describe(Duration period) {
        if (period.toMillis() % 60_000 == 0) {
            long minutes = period.toMinutes();
            return minutes == 1 ? "minute" : minutes + " minutes";
        }
        if (period.toMillis() % 1000 == 0) {
            long seconds = period.toSeconds();
            return seconds == 1 ? "second" : seconds + " seconds";
        }
        return period.toMillis() + " ms";
    }
}
