package io.github.camellivedesk.simulator;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sliding-window rule on a clock the test moves, so no test waits for real time. */
class ThrottleTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final InetAddress client = InetAddress.getLoopbackAddress();

    @Test
    void atMostTheLimitInAnyWindowOfThePeriod() throws Exception {
        Throttle throttle = new Throttle(new RateLimit(3, Duration.ofSeconds(10)), null, clock::get);
        assertThat(throttle.admit(client, null)).isZero(); // t = 0
        advance(4_000);
        assertThat(throttle.admit(client, null)).isZero(); // t = 4 s
        assertThat(throttle.admit(client, null)).isZero(); // t = 4 s
        advance(1_000);
        assertThat(throttle.admit(client, null)).isEqualTo(5); // t = 5 s: the first leaves the window at 10 s
        advance(4_999);
        assertThat(throttle.admit(client, null)).isEqualTo(1); // t = 9.999 s: 1 ms left, rounded up to 1 s
        advance(1);
        assertThat(throttle.admit(client, null)).isZero(); // t = 10 s: the window (0, 10] holds 2
        assertThat(throttle.admit(client, null)).isEqualTo(4); // the two at 4 s leave at 14 s
        assertThat(throttle.refused()).isEqualTo(3);
    }

    @Test
    void clientsAndConversationsHaveTheirOwnWindows() throws Exception {
        Throttle throttle = new Throttle(new RateLimit(3, Duration.ofMinutes(1)),
                new RateLimit(1, Duration.ofMinutes(1)), clock::get);
        InetAddress other = InetAddress.getByName("127.0.0.2");
        assertThat(throttle.admit(client, "141")).isZero();
        assertThat(throttle.admit(client, "141")).isEqualTo(60);
        assertThat(throttle.admit(other, "141")).isEqualTo(60);
        assertThat(throttle.admit(client, "142")).isZero();
        assertThat(throttle.admit(client, null)).isZero();
        assertThat(throttle.admit(client, "143")).isEqualTo(60); // the client's 3 are used
        assertThat(throttle.admit(other, "143")).isZero(); // another address has its own
    }

    @Test
    void aLargeLimitGrowsItsWindowOnlyAsTrafficNeedsIt() throws Exception {
        Throttle throttle = new Throttle(new RateLimit(1000, Duration.ofSeconds(1)), null, clock::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.admit(client, null)).isZero();
            advance(0);
        }
        assertThat(throttle.admit(client, null)).isEqualTo(1);
        advance(1_000);
        for (int i = 0; i < 1000; i++) {
            assertThat(throttle.admit(client, null)).isZero();
        }
    }

    @Test
    void offCostsNothingAndRefusesNothing() {
        Throttle throttle = new Throttle(null, null, () -> {
            throw new AssertionError("the clock is not read when no limit is set");
        });
        assertThat(throttle.enabled()).isFalse();
        assertThat(throttle.admit(client, "141")).isZero();
    }

    @Test
    void limitsMustMakeSense() {
        assertThat(RateLimit.of(0, null)).isNull();
        assertThatThrownBy(() -> RateLimit.of(-1, Duration.ofMinutes(1))).hasMessageContaining("at least 1 request");
        assertThatThrownBy(() -> RateLimit.of(5, Duration.ZERO)).hasMessageContaining("positive period");
        assertThat(new RateLimit(3000, Duration.ofMinutes(1))).hasToString("3000 per minute");
        assertThat(new RateLimit(10, Duration.ofSeconds(1))).hasToString("10 per second");
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
