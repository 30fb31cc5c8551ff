package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A version number that goes up on every change a person watching the inbox page could see (a request, a stored or
 * changed message, a conversation, a status, a window, a webhook delivery, a reset), and the pages waiting for it to
 * move (long polling). With no page waiting, a change costs one atomic increment and one emptiness check: no timer,
 * no thread, no allocation, so a load test pays nothing for the page it does not open. A waiting page holds no
 * handler thread either: its answer is a timer and a callback, as latency faults are.
 */
final class ChangeFeed {

    private final AtomicLong version = new AtomicLong();
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService scheduler;
    private volatile Executor executor;

    /** The threads that answer waiting pages; until this is called, a wait is answered at once. */
    void answerOn(ScheduledExecutorService timers, Executor handlers) {
        this.scheduler = timers;
        this.executor = handlers;
    }

    /** Something visible changed. */
    void changed() {
        version.incrementAndGet();
        if (!waiters.isEmpty()) {
            for (Waiter waiter : waiters) {
                answer(waiter);
            }
        }
    }

    long version() {
        return version.get();
    }

    /**
     * Calls {@code answer} with the current version as soon as it differs from {@code since}, or after
     * {@code timeout} with the unchanged one; at once when it already differs. Exactly one call, on a handler thread.
     */
    void await(long since, Duration timeout, LongConsumer answer) {
        ScheduledExecutorService timers = scheduler;
        if (version.get() != since || timers == null) {
            answer.accept(version.get());
            return;
        }
        Waiter waiter = new Waiter(answer);
        waiters.add(waiter);
        try {
            waiter.timer = timers.schedule(() -> answer(waiter), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            waiters.remove(waiter);
            return;
        }
        // a change between the first look and the registration would otherwise be missed until the timeout
        if (version.get() != since) {
            answer(waiter);
        }
    }

    /** How many pages wait (for tests and the capacity figures). */
    int waiting() {
        return waiters.size();
    }

    private void answer(Waiter waiter) {
        if (!waiters.remove(waiter)) {
            return; // answered already, by a change or by its timer
        }
        ScheduledFuture<?> timer = waiter.timer;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            executor.execute(() -> waiter.answer.accept(version.get()));
        } catch (RejectedExecutionException stopping) {
            // the simulator is closing: the server closes the connection
        }
    }

    private static final class Waiter {
        private final LongConsumer answer;
        private volatile ScheduledFuture<?> timer;

        Waiter(LongConsumer answer) {
            this.answer = answer;
        }
    }
}
