package io.github.camellivedesk.internal.dispatch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.camellivedesk.internal.FailureCause;

/**
 * Runs the tasks of one conversation one after another, in the order they were submitted, and the tasks of
 * different conversations concurrently.
 * <p>
 * Nothing blocks: a task that must wait is queued, and the thread that completes the previous task of its
 * conversation starts it. A task's outcome, success or failure (also an exception thrown by the task itself), ends
 * its turn; it never stops the conversation. A conversation with no task running has no state left here, so millions
 * of conversation ids leave nothing behind. Tasks that complete synchronously are run in a loop, not by recursion, so
 * a long queue of them cannot overflow the stack.
 */
public final class ConversationSequencer {

    private static final int STARTING = 0;
    private static final int RETURNED = 1;
    private static final int FINISHED_INLINE = 2;

    /** A conversation has a lane exactly while one of its tasks runs; the lane holds the tasks waiting behind it. */
    private final ConcurrentHashMap<String, ArrayDeque<Turn<?>>> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Supplier<? extends RuntimeException> closedFailure;
    private volatile boolean closed;

    /**
     * @param closedFailure the failure given to tasks still waiting at {@link #close()} and to tasks submitted after
     */
    public ConversationSequencer(Supplier<? extends RuntimeException> closedFailure) {
        this.closedFailure = Objects.requireNonNull(closedFailure, "closedFailure");
    }

    /**
     * Runs {@code task} once every task submitted before it for the same conversation has completed.
     *
     * @return completes as the task's stage does (a task that throws fails it)
     */
    public <T> CompletableFuture<T> submit(String conversationId, Supplier<? extends CompletionStage<T>> task) {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(task, "task");
        Turn<T> turn = new Turn<>(conversationId, task);
        if (closed) {
            turn.result.completeExceptionally(closedFailure.get());
            return turn.result;
        }
        boolean[] runNow = { false };
        lanes.compute(conversationId, (id, lane) -> {
            if (lane == null) {
                runNow[0] = true;
                return new ArrayDeque<>(2);
            }
            lane.add(turn);
            waiting.incrementAndGet();
            return lane;
        });
        if (runNow[0]) {
            runFrom(turn);
        }
        return turn.result;
    }

    /** Tasks waiting for an earlier task of their conversation to complete. */
    public int waiting() {
        return waiting.get();
    }

    /** Conversations with a task running now (and so with state held here). */
    public int activeConversations() {
        return lanes.size();
    }

    /**
     * Fails every waiting task and every later submission with the closed failure. Tasks already running complete as
     * their stages do.
     */
    public void close() {
        closed = true;
        List<Turn<?>> dropped = new ArrayList<>();
        for (String id : lanes.keySet()) {
            lanes.computeIfPresent(id, (key, lane) -> {
                drainInto(lane, dropped);
                return lane;
            });
        }
        fail(dropped);
    }

    private void runFrom(Turn<?> first) {
        Turn<?> turn = first;
        while (turn != null) {
            turn = turn.start();
        }
    }

    /** Ends a turn: returns the conversation's next task to start, or null (and the lane is gone). */
    private Turn<?> release(String conversationId) {
        Object[] next = new Object[1];
        List<Turn<?>> dropped = closed ? new ArrayList<>() : null;
        lanes.computeIfPresent(conversationId, (id, lane) -> {
            if (dropped != null) {
                drainInto(lane, dropped);
            }
            Turn<?> following = lane.poll();
            if (following == null) {
                return null;
            }
            waiting.decrementAndGet();
            next[0] = following;
            return lane;
        });
        if (dropped != null) {
            fail(dropped);
        }
        return (Turn<?>) next[0];
    }

    private void drainInto(ArrayDeque<Turn<?>> lane, List<Turn<?>> dropped) {
        Turn<?> turn;
        while ((turn = lane.poll()) != null) {
            waiting.decrementAndGet();
            dropped.add(turn);
        }
    }

    private void fail(List<Turn<?>> dropped) {
        for (Turn<?> turn : dropped) {
            turn.result.completeExceptionally(closedFailure.get());
        }
    }

    private final class Turn<T> {

        private final String conversationId;
        private final Supplier<? extends CompletionStage<T>> task;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        /** Who starts the next task: the loop that started this one (finished inline) or the completing thread. */
        private final AtomicInteger state = new AtomicInteger(STARTING);
        private Turn<?> inlineNext;
        /** The stage completes once; a broken CompletionStage that also throws must not end the turn twice. */
        private volatile boolean ended;

        Turn(String conversationId, Supplier<? extends CompletionStage<T>> task) {
            this.conversationId = conversationId;
            this.task = task;
        }

        /** Starts the task; returns the next task to start when this one completed before returning. */
        Turn<?> start() {
            CompletionStage<T> stage;
            try {
                stage = Objects.requireNonNull(task.get(), "the task returned no CompletionStage");
            } catch (Throwable e) {
                stage = CompletableFuture.failedFuture(e);
            }
            try {
                stage.whenComplete(this::finished);
            } catch (Throwable e) {
                // a broken CompletionStage: end the turn here so the conversation goes on
                finished(null, e);
            }
            return state.compareAndSet(STARTING, RETURNED) ? null : inlineNext;
        }

        private void finished(T value, Throwable failure) {
            if (ended) {
                return;
            }
            ended = true;
            Turn<?> next = release(conversationId);
            if (failure == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(FailureCause.of(failure));
            }
            inlineNext = next;
            if (!state.compareAndSet(STARTING, FINISHED_INLINE)) {
                inlineNext = null;
                runFrom(next);
            }
        }
    }
}
