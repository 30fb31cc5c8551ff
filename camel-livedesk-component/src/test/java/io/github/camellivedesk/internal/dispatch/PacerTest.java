package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pacing checked on a virtual clock: every figure here is exact, none depends on the machine. */
class PacerTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private VirtualTimeScheduler scheduler = new VirtualTimeScheduler();

    private Pacer pacer(RateLimit client, RateLimit conversation) {
        return new Pacer(client, conversation, scheduler, scheduler::nanoTime,
                () -> new IllegalStateException("closed"));
    }

    @Test
    void aBurstOfOneSecondsWorthGoesAtOnceAndTheRestOnePerRefillInterval() {
        RateLimit limit = RateLimit.perMinute(120);
        Pacer pacer = pacer(limit, RateLimit.NONE);
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acquired.add(pacer.acquire("c" + i));
        }
        long interval = limit.refillIntervalNanos();
        assertThat(done(acquired)).isEqualTo(2);

        scheduler.advance(Duration.ofNanos(interval - 1));
        assertThat(done(acquired)).isEqualTo(2);
        scheduler.advance(Duration.ofNanos(1));
        assertThat(done(acquired)).isEqualTo(3);
        scheduler.advance(Duration.ofNanos(2 * interval));
        assertThat(done(acquired)).isEqualTo(5);
        assertThat(pacer.waiting()).isZero();
    }

    static Stream<Arguments> limitsAndArrivals() {
        return Stream.of(
                // LiveDesk's published limits, a burst far above them
                Arguments.of(RateLimit.perMinute(3000), RateLimit.perMinute(200), 6000, 30, 1L, 0),
                // the benchmark's scaled limits: 100 per second in all, 10 per conversation
                Arguments.of(new RateLimit(100, Duration.ofSeconds(1)), new RateLimit(10, Duration.ofSeconds(1)),
                        3000, 30, 2L, 0),
                // small limits, where the burst is 1 and rounding matters
                Arguments.of(RateLimit.perMinute(7), RateLimit.perMinute(2), 300, 5, 3L, 0),
                Arguments.of(RateLimit.perMinute(1), RateLimit.NONE, 20, 3, 4L, 0),
                Arguments.of(RateLimit.NONE, RateLimit.perMinute(61), 2000, 10, 5L, 0),
                // timers that fire up to 900 ms late on a busy machine
                Arguments.of(RateLimit.perMinute(3000), RateLimit.perMinute(200), 6000, 30, 6L, 900),
                Arguments.of(new RateLimit(100, Duration.ofSeconds(1)), new RateLimit(10, Duration.ofSeconds(1)),
                        3000, 30, 7L, 15));
    }

    /**
     * The guarantee: in no interval of one period plus the margin (so in no period at the service, even with that
     * much jitter) do more requests go than the limit, for the client and for each conversation, whatever the
     * arrival pattern and however late the timers fire.
     */
    @ParameterizedTest(
            name = "client {0}, conversation {1}, {2} requests over {3} conversations, seed {4}, late {5} ms")
    @MethodSource("limitsAndArrivals")
    void noIntervalOfAPeriodHoldsMoreThanTheLimit(RateLimit client, RateLimit conversation, int requests,
            int conversations, long seed, int lateMillis) {
        Random lateness = new Random(seed);
        scheduler = new VirtualTimeScheduler(due -> lateMillis == 0 ? 0 : lateness.nextInt(lateMillis * 1_000_000));
        Pacer pacer = pacer(client, conversation);
        Random random = new Random(seed);
        List<Long> all = new ArrayList<>();
        Map<String, List<Long>> perConversation = new HashMap<>();
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        Duration period = client.isLimited() ? client.period() : conversation.period();
        for (int i = 0; i < requests; i++) {
            String id = "c" + random.nextInt(conversations);
            CompletableFuture<Void> future = pacer.acquire(id);
            future.thenRun(() -> {
                all.add(scheduler.nanoTime());
                perConversation.computeIfAbsent(id, k -> new ArrayList<>()).add(scheduler.nanoTime());
            });
            acquired.add(future);
            // mostly bursts, sometimes a pause of up to a period
            if (random.nextInt(50) == 0) {
                scheduler.advance(Duration.ofNanos((long) (random.nextDouble() * period.toNanos())));
            }
        }
        scheduler.runAll();

        assertThat(done(acquired)).as("every request was let through in the end").isEqualTo(requests);
        if (client.isLimited()) {
            assertMostInAnyWindow(all, client);
        }
        if (conversation.isLimited()) {
            perConversation.values().forEach(times -> assertMostInAnyWindow(times, conversation));
        }
        assertThat(pacer.waiting()).isZero();
    }

    @Test
    void theBenchmarksBurstIsPacedCloseToTheMinimumTheLimitsAllow() {
        // 3,000 messages over 30 conversations at 100/s overall and 10/s per conversation: at least 30 s
        Pacer pacer = pacer(new RateLimit(100, Duration.ofSeconds(1)), new RateLimit(10, Duration.ofSeconds(1)));
        long start = scheduler.nanoTime();
        long[] last = { start };
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            acquired.add(pacer.acquire("c" + (i % 30)).thenRun(() -> last[0] = scheduler.nanoTime()));
        }
        scheduler.runAll();

        assertThat(done(acquired)).isEqualTo(3000);
        Duration took = Duration.ofNanos(last[0] - start);
        // the burst of 1 and the 1/60 margin cost 1.7% over the 30 s minimum (2,999 intervals of 10.27 ms)
        assertThat(took).isBetween(Duration.ofSeconds(30), Duration.ofMillis(30_800));
    }

    @Test
    void aBackloggedConversationGetsItsWholeLimitAndNoMore() {
        // LiveDesk's 200 a minute: 3 at once, then one every 0.31 s; 600 messages fill three windows
        RateLimit limit = RateLimit.perMinute(200);
        Pacer pacer = pacer(RateLimit.NONE, limit);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            pacer.acquire("busy").thenRun(() -> times.add(scheduler.nanoTime()));
        }
        scheduler.runAll();

        assertThat(times).hasSize(600);
        assertMostInAnyWindow(times, limit);
        long firstWindowEnd = times.get(0) + limit.period().plus(limit.margin()).toNanos();
        // rounding the interval up to whole nanoseconds may cost one
        assertThat(times.stream().filter(time -> time <= firstWindowEnd).count()).isBetween(199L, 200L);
        assertThat(times.get(599) - times.get(0)).isEqualTo((600 - limit.burst()) * limit.refillIntervalNanos());
    }

    @Test
    void oneConversationsLimitDoesNotHoldAnother() {
        Pacer pacer = pacer(RateLimit.NONE, RateLimit.perMinute(60));
        List<CompletableFuture<Void>> busy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            busy.add(pacer.acquire("busy"));
        }
        assertThat(done(busy)).isEqualTo(1);
        assertThat(pacer.acquire("quiet")).isDone();
        assertThat(pacer.holdingLimit("busy")).isEqualTo(Pacer.Limit.CONVERSATION);
        assertThat(pacer.holdingLimit("quiet")).isEqualTo(Pacer.Limit.CONVERSATION);
        assertThat(pacer.holdingLimit("other")).isNull();
    }

    @Test
    void waitingAndTheCurrentWaitAreExposed() {
        RateLimit limit = RateLimit.perMinute(60);
        Pacer pacer = pacer(limit, RateLimit.NONE);
        long interval = limit.refillIntervalNanos();
        assertThat(pacer.clientWait()).isZero();
        assertThat(pacer.holdingLimit("c")).isNull();

        for (int i = 0; i < 4; i++) {
            pacer.acquire("c" + i);
        }
        assertThat(pacer.waiting()).isEqualTo(3);
        // one went, three wait: a fifth would go after them
        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(4 * interval));
        assertThat(pacer.holdingLimit("c9")).isEqualTo(Pacer.Limit.CLIENT);

        scheduler.advance(Duration.ofNanos(interval));
        assertThat(pacer.waiting()).isEqualTo(2);
        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(3 * interval));
    }

    @Test
    void closeFailsEveryWaiterAndEveryLaterRequest() {
        Pacer pacer = pacer(RateLimit.perMinute(60), RateLimit.perMinute(60));
        List<CompletableFuture<Void>> acquired = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acquired.add(pacer.acquire("c" + (i % 2)));
        }
        assertThat(done(acquired)).isEqualTo(1);

        pacer.close();

        assertThat(acquired).allSatisfy(future -> assertThat(future).isDone());
        assertThat(acquired.subList(1, 10)).allSatisfy(future -> assertThatThrownBy(future::join)
                .hasMessageContaining("closed"));
        assertThat(pacer.waiting()).isZero();
        assertThat(scheduler.pendingTimers()).as("timers cancelled").isZero();
        assertThatThrownBy(pacer.acquire("c0")::join).hasMessageContaining("closed");
    }

    @Test
    void aSchedulerThatRefusesTimersFailsTheWaitersInsteadOfLeavingThemHanging() {
        Pacer pacer = pacer(RateLimit.perMinute(60), RateLimit.NONE);
        assertThat(pacer.acquire("c")).isDone();
        scheduler.shutdown();

        CompletableFuture<Void> refused = pacer.acquire("c");

        assertThatThrownBy(refused::join).hasMessageContaining("closed");
        assertThat(pacer.waiting()).isZero();
    }

    @Test
    void quietConversationsLeaveNoBucketBehind() {
        RateLimit perConversation = RateLimit.perMinute(200);
        Pacer pacer = pacer(RateLimit.NONE, perConversation);
        int conversations = 100_000;
        Duration step = Duration.ofNanos(50_000);
        long immediate = 0;
        for (int i = 0; i < conversations; i++) {
            if (pacer.acquire("conversation-" + i).isDone()) {
                immediate++;
            }
            scheduler.advance(step);
        }
        assertThat(immediate).isEqualTo(conversations);
        // a bucket is full again one refill interval after its only request: about 6,200 conversations are not
        // yet at any moment, and idle ones are swept once the map doubles
        long notYetFull = perConversation.refillIntervalNanos() / step.toNanos() + 1;
        assertThat(pacer.conversationBuckets()).isLessThanOrEqualTo((int) (2 * notYetFull + 1024))
                .as("the conversations of the last refill interval still have theirs").isPositive();
        pacer.close();
        assertThat(pacer.conversationBuckets()).as("closing lets go of every bucket").isZero();
    }

    @Test
    void withoutLimitsEveryRequestGoesAtOnce() {
        Pacer pacer = pacer(RateLimit.NONE, RateLimit.NONE);
        for (int i = 0; i < 1000; i++) {
            assertThat(pacer.acquire("c")).isDone();
        }
        assertThat(pacer.conversationBuckets()).isZero();
        assertThat(scheduler.pendingTimers()).isZero();
    }

    /**
     * The sweep starts only above 1024 buckets, and then drops exactly the ones full again: a bucket whose
     * theoretical arrival time is now is full, one a token was just taken from is not.
     */
    @Test
    void aSweepAbove1024BucketsDropsExactlyTheOnesFullAgain() {
        RateLimit limit = RateLimit.perMinute(60);
        Pacer pacer = pacer(RateLimit.NONE, limit);
        for (int i = 0; i < 1024; i++) {
            assertThat(pacer.acquire("c" + i)).isDone();
        }
        scheduler.advance(Duration.ofNanos(limit.refillIntervalNanos()));

        assertThat(pacer.acquire("x")).isDone();
        assertThat(pacer.conversationBuckets()).as("1024 buckets are not above the threshold: no sweep")
                .isEqualTo(1025);

        assertThat(pacer.acquire("y")).isDone();
        assertThat(pacer.conversationBuckets()).as("the 1024 full buckets swept, x (just used) and y kept")
                .isEqualTo(2);
        assertThat(pacer.holdingLimit("x")).isEqualTo(Pacer.Limit.CONVERSATION);
    }

    @Test
    void aConversationHeldBackOnlyWhileItsBurstIsUsedUp() {
        // 200 a minute: a burst of 3
        RateLimit limit = RateLimit.perMinute(200);
        Pacer pacer = pacer(RateLimit.NONE, limit);
        long interval = limit.refillIntervalNanos();

        pacer.acquire("c");
        assertThat(pacer.holdingLimit("c")).as("two of the burst left").isNull();
        pacer.acquire("c");
        pacer.acquire("c");
        assertThat(pacer.holdingLimit("c")).isEqualTo(Pacer.Limit.CONVERSATION);

        scheduler.advance(Duration.ofNanos(3 * interval));
        assertThat(pacer.holdingLimit("c")).as("full again, bucket still held").isNull();
        assertThat(pacer.conversationBuckets()).isEqualTo(1);
    }

    @Test
    void theClientWaitCountsTheBurstAndTheTimePassed() {
        // 120 a minute: a burst of 2
        RateLimit limit = RateLimit.perMinute(120);
        Pacer pacer = pacer(limit, RateLimit.NONE);
        long interval = limit.refillIntervalNanos();

        pacer.acquire("a");
        assertThat(pacer.clientWait()).as("one of the burst left").isZero();
        pacer.acquire("b");
        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(interval));

        // long after: the bucket is full, the wait zero, never negative
        scheduler.advance(Duration.ofNanos(5 * interval));
        assertThat(pacer.clientWait()).isZero();

        // at 5 intervals: c and d take the burst, e waits one interval; a fourth would wait two
        assertThat(pacer.acquire("c")).isDone();
        assertThat(pacer.acquire("d")).isDone();
        assertThat(pacer.acquire("e")).isNotDone();
        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(2 * interval));
    }

    @Test
    void closingLetsGoOfTheWaitersSoTheWaitIsOnlyTheTokensTaken() {
        RateLimit limit = RateLimit.perMinute(60);
        Pacer pacer = pacer(limit, RateLimit.NONE);
        for (int i = 0; i < 4; i++) {
            pacer.acquire("c" + i);
        }
        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(4 * limit.refillIntervalNanos()));

        pacer.close();

        assertThat(pacer.clientWait()).isEqualTo(Duration.ofNanos(limit.refillIntervalNanos()));
    }

    @Test
    void aTimerRefusedWhileReleasingWaitersFailsTheRestInsteadOfLeavingThemHanging() {
        RateLimit limit = RateLimit.perMinute(60);
        Pacer pacer = pacer(limit, RateLimit.NONE);
        assertThat(pacer.acquire("a")).isDone();
        CompletableFuture<Void> second = pacer.acquire("b");
        CompletableFuture<Void> third = pacer.acquire("c");
        scheduler.shutdown();

        // the timer armed before runs: it lets the second go, and cannot arm the next one for the third
        scheduler.advance(Duration.ofNanos(limit.refillIntervalNanos()));

        assertThat(second).isCompleted();
        assertThat(second.isCompletedExceptionally()).isFalse();
        assertThatThrownBy(third::join).hasMessageContaining("closed");
        assertThat(pacer.waiting()).isZero();
    }

    private static void assertMostInAnyWindow(List<Long> times, RateLimit limit) {
        List<Long> sorted = times.stream().sorted().toList();
        long window = limit.period().plus(limit.margin()).toNanos();
        int from = 0;
        int most = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) > window) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        assertThat(most).as("most requests in any %s plus margin", limit.period()).isLessThanOrEqualTo(limit.limit());
    }

    private static long done(List<CompletableFuture<Void>> futures) {
        return futures.stream().filter(CompletableFuture::isDone).count();
    }
}
