package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @ParameterizedTest(name = "{0} per {1}: burst {2}, a token every {3} ns")
    @CsvSource({
            // LiveDesk's client-wide limit: 50 at once, 2,950 more over 61 s
            "3000, PT1M, 50, 20677967",
            // LiveDesk's per-conversation limit: 3 at once, 197 over 61 s
            "200,  PT1M, 3,  309644671",
            "60,   PT1M, 1,  1033898306",
            // a limit of 1 waits a whole window (and a nanosecond) for its token
            "1,    PT1M, 1,  61000000001",
            "100,  PT1S, 1,  10269361",
            "10,   PT1S, 1,  112962963",
    })
    void burstAndRefillFollowTheDocumentedRule(int limit, Duration period, int burst, long interval) {
        RateLimit rateLimit = new RateLimit(limit, period);
        assertThat(rateLimit.burst()).isEqualTo(burst);
        assertThat(rateLimit.refillIntervalNanos()).isEqualTo(interval);
        // burst plus what refills in a period and its margin never exceeds the limit
        long window = period.plus(rateLimit.margin()).toNanos();
        assertThat(burst + window / interval).isLessThanOrEqualTo(limit);
    }

    @Test
    void zeroMeansNoLimit() {
        assertThat(RateLimit.perMinute(0).isLimited()).isFalse();
        assertThat(RateLimit.NONE.isLimited()).isFalse();
        assertThat(RateLimit.perMinute(0).refillIntervalNanos()).isZero();
    }

    @Test
    void refusesNegativeLimitsAndEmptyPeriods() {
        assertThatThrownBy(() -> RateLimit.perMinute(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new RateLimit(5, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }
}
