package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * A scheduler on a clock that moves only when a test says so: timers run on the test's thread, in due order, when
 * {@link #advance(Duration)} passes them. An optional lateness makes every timer run that many nanoseconds after it
 * was due, as an overloaded machine would.
 */
final class VirtualTimeScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final LongUnaryOperator lateness;
    private long now = 1_000_000_000L;
    private long sequence;
    private boolean shutdown;

    VirtualTimeScheduler() {
        this(due -> 0);
    }

    /** @param lateness for a timer due at the given time, how many nanoseconds late it runs */
    VirtualTimeScheduler(LongUnaryOperator lateness) {
        this.lateness = lateness;
    }

    long nanoTime() {
        return now;
    }

    int pendingTimers() {
        return tasks.size();
    }

    /** Moves the clock on by {@code step}, running every timer due by then (and those they schedule). */
    void advance(Duration step) {
        long target = now + step.toNanos();
        while (!tasks.isEmpty() && tasks.peek().runAt - target <= 0) {
            Task task = tasks.poll();
            now = Math.max(now, task.runAt);
            task.action.run();
        }
        now = Math.max(now, target);
    }

    /** Runs timers until none is left, moving the clock to each; returns how many ran. */
    int runAll() {
        int ran = 0;
        while (!tasks.isEmpty()) {
            Task task = tasks.poll();
            now = Math.max(now, task.runAt);
            task.action.run();
            ran++;
        }
        return ran;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        long due = now + unit.toNanos(Math.max(0, delay));
        Task task = new Task(command, due, due + lateness.applyAsLong(due), sequence++);
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = tasks.stream().map(task -> task.action).toList();
        tasks.clear();
        return dropped;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && tasks.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) {
        throw new UnsupportedOperationException();
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable action;
        final long due;
        final long runAt;
        final long order;
        boolean cancelled;

        Task(Runnable action, long due, long runAt, long order) {
            this.action = action;
            this.due = due;
            this.runAt = runAt;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task task = (Task) other;
            int byTime = Long.compare(runAt, task.runAt);
            return byTime != 0 ? byTime : Long.compare(order, task.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = tasks.remove(this);
            return cancelled;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || !tasks.contains(this);
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }
}
