package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Paces requests to a client-wide and a per-conversation {@link RateLimit} with token buckets, without holding a
 * thread: {@link #acquire(String)} answers a future that completes when the request may go, from a timer of the
 * given scheduler when it must wait. A request first waits until its conversation's bucket allows it, then for the
 * client's bucket, and takes both tokens at once; each bucket serves its waiters first come, first served.
 * <p>
 * The buckets count tokens with the clock when a token is taken, not when a timer was due, so a late timer makes
 * requests later, never denser. A conversation's bucket is dropped once it is full again and nobody waits on it.
 */
public final class Pacer implements AutoCloseable {

    /** Which limit holds a request back. */
    public enum Limit {
        CLIENT, CONVERSATION
    }

    private final RateLimit clientLimit;
    private final RateLimit conversationLimit;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final Supplier<? extends RuntimeException> closedFailure;

    // everything below is guarded by this
    private final Bucket client;
    private final Map<String, Bucket> conversations = new HashMap<>();
    private int sweepAbove = 1024;
    private int waiting;
    private boolean closed;

    /**
     * @param clientLimit       requests of all conversations together ({@link RateLimit#NONE} for none)
     * @param conversationLimit requests per conversation ({@link RateLimit#NONE} for none)
     * @param scheduler         runs the timers that release waiting requests; never shut down here
     * @param nanoClock         {@link System#nanoTime()} outside tests
     * @param closedFailure     the failure given to requests waiting at {@link #close()} and acquired after it
     */
    public Pacer(RateLimit clientLimit, RateLimit conversationLimit, ScheduledExecutorService scheduler,
            LongSupplier nanoClock, Supplier<? extends RuntimeException> closedFailure) {
        this.clientLimit = Objects.requireNonNull(clientLimit, "clientLimit");
        this.conversationLimit = Objects.requireNonNull(conversationLimit, "conversationLimit");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.closedFailure = Objects.requireNonNull(closedFailure, "closedFailure");
        this.client = clientLimit.isLimited() ? new Bucket(null, clientLimit, nanoClock.getAsLong()) : null;
    }

    public RateLimit clientLimit() {
        return clientLimit;
    }

    public RateLimit conversationLimit() {
        return conversationLimit;
    }

    /**
     * Completes when a request of this conversation may be sent; the tokens are taken by then. A null conversation
     * (a request that belongs to none yet) waits only for the client-wide limit.
     */
    public CompletableFuture<Void> acquire(String conversationId) {
        List<Waiter> failed = null;
        boolean ready = false;
        Waiter waiter;
        synchronized (this) {
            if (closed) {
                return CompletableFuture.failedFuture(closedFailure.get());
            }
            long now = nanoClock.getAsLong();
            Bucket conversation = null;
            if (conversationLimit.isLimited() && conversationId != null) {
                if (conversations.size() > sweepAbove) {
                    sweepIdleConversations(now);
                }
                conversation = conversations.computeIfAbsent(conversationId,
                        id -> new Bucket(id, conversationLimit, now));
            }
            waiter = new Waiter(conversation);
            if (conversation != null && (conversation.passing || !conversation.waiters.isEmpty()
                    || conversation.delay(now) > 0)) {
                conversation.waiters.add(waiter);
                waiting++;
                if (!conversation.passing && conversation.timer == null) {
                    conversation.arm(now);
                }
            } else {
                ready = enterClient(waiter, now);
            }
            if (closed) {
                // the scheduler refused the timer that would release this waiter
                failed = closeLocked();
            }
        }
        if (failed != null) {
            fail(failed);
        } else if (ready) {
            waiter.future.complete(null);
        }
        return waiter.future;
    }

    /** Requests waiting for a token now. */
    public synchronized int waiting() {
        return waiting;
    }

    /**
     * How long a request of a conversation that is not paced itself would wait now for the client-wide limit: the
     * current wait a health check or JMX can show. Zero without a client-wide limit.
     */
    public synchronized Duration clientWait() {
        return client == null ? Duration.ZERO : Duration.ofNanos(client.waitForNext(nanoClock.getAsLong()));
    }

    /** Which limit would hold a new request of this conversation back now, or null if it could go at once. */
    public synchronized Limit holdingLimit(String conversationId) {
        long now = nanoClock.getAsLong();
        if (client != null && client.waitForNext(now) > 0) {
            return Limit.CLIENT;
        }
        Bucket bucket = conversations.get(conversationId);
        return bucket != null && bucket.waitForNext(now) > 0 ? Limit.CONVERSATION : null;
    }

    /** Conversation buckets held now (the ones not yet full again or with waiters, and some idle ones). */
    public synchronized int conversationBuckets() {
        return conversations.size();
    }

    /** Fails every waiting request and every later {@link #acquire(String)} with the closed failure. */
    @Override
    public void close() {
        List<Waiter> failed;
        synchronized (this) {
            failed = closeLocked();
        }
        fail(failed);
    }

    private List<Waiter> closeLocked() {
        closed = true;
        List<Waiter> failed = new ArrayList<>();
        if (client != null) {
            client.dropInto(failed);
        }
        for (Bucket bucket : conversations.values()) {
            bucket.dropInto(failed);
        }
        conversations.clear();
        waiting = 0;
        return failed;
    }

    private void fail(List<Waiter> failed) {
        for (Waiter waiter : failed) {
            waiter.future.completeExceptionally(closedFailure.get());
        }
    }

    /**
     * A request whose conversation allows it now (and nobody of its conversation before it) takes the client token
     * too, or queues for it. Its conversation token is taken at the same moment as the client token: taken earlier,
     * a long wait for the client would let the conversation's requests bunch up behind it.
     */
    private boolean enterClient(Waiter waiter, long now) {
        if (client == null || (client.waiters.isEmpty() && client.delay(now) == 0)) {
            takeTokens(waiter, now);
            return true;
        }
        if (waiter.conversation != null) {
            // a conversation's bucket only fills while this one waits: it will still allow it then
            waiter.conversation.passing = true;
        }
        client.waiters.add(waiter);
        waiting++;
        if (client.timer == null) {
            client.arm(now);
        }
        return false;
    }

    private void takeTokens(Waiter waiter, long now) {
        if (client != null) {
            client.take(now);
        }
        if (waiter.conversation != null) {
            waiter.conversation.take(now);
        }
    }

    /** Moves a conversation's first waiters on to the client as its bucket allows. */
    private void promote(Bucket conversation, long now, List<Waiter> ready) {
        while (!conversation.passing && !conversation.waiters.isEmpty()) {
            if (conversation.delay(now) > 0) {
                if (conversation.timer == null) {
                    conversation.arm(now);
                }
                return;
            }
            Waiter waiter = conversation.waiters.poll();
            waiting--;
            if (enterClient(waiter, now)) {
                ready.add(waiter);
            }
        }
    }

    private void sweepIdleConversations(long now) {
        Iterator<Bucket> buckets = conversations.values().iterator();
        while (buckets.hasNext()) {
            if (buckets.next().isIdle(now)) {
                buckets.remove();
            }
        }
        sweepAbove = Math.max(1024, conversations.size() * 2);
    }

    private void onTimer(Bucket bucket) {
        List<Waiter> ready = new ArrayList<>();
        List<Waiter> failed = null;
        synchronized (this) {
            bucket.timer = null;
            if (closed) {
                return;
            }
            long now = nanoClock.getAsLong();
            if (bucket == client) {
                while (!client.waiters.isEmpty()) {
                    if (client.delay(now) > 0) {
                        client.arm(now);
                        break;
                    }
                    Waiter waiter = client.waiters.poll();
                    waiting--;
                    takeTokens(waiter, now);
                    ready.add(waiter);
                    if (waiter.conversation != null) {
                        waiter.conversation.passing = false;
                        promote(waiter.conversation, now, ready);
                    }
                }
            } else {
                promote(bucket, now, ready);
                if (bucket.isIdle(now)) {
                    conversations.remove(bucket.conversationId, bucket);
                }
            }
            if (closed) {
                // the scheduler refused a timer: nothing would release the waiters
                failed = closeLocked();
            }
        }
        for (Waiter waiter : ready) {
            waiter.future.complete(null);
        }
        if (failed != null) {
            fail(failed);
        }
    }

    private static final class Waiter {
        final CompletableFuture<Void> future = new CompletableFuture<>();
        /** The conversation's bucket, null without a per-conversation limit. */
        final Bucket conversation;

        Waiter(Bucket conversation) {
            this.conversation = conversation;
        }
    }

    /**
     * One token bucket as a theoretical arrival time (the generic cell rate algorithm): a token may be taken at
     * {@code now} when {@code now >= tat - tolerance}; taking one moves {@code tat} on by one refill interval. The
     * bucket is full again when {@code tat <= now}.
     */
    private final class Bucket {
        final String conversationId;
        final long interval;
        final long tolerance;
        final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
        long tat;
        ScheduledFuture<?> timer;
        /** A conversation's first request waits for the client token; the ones behind it wait for it. */
        boolean passing;

        Bucket(String conversationId, RateLimit limit, long now) {
            this.conversationId = conversationId;
            this.interval = limit.refillIntervalNanos();
            this.tolerance = (limit.burst() - 1) * interval;
            this.tat = now;
        }

        long delay(long now) {
            long allowedAt = tat - tolerance;
            return allowedAt - now > 0 ? allowedAt - now : 0;
        }

        void take(long now) {
            tat = (tat - now > 0 ? tat : now) + interval;
        }

        void arm(long now) {
            try {
                timer = scheduler.schedule(() -> onTimer(this), delay(now), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                closed = true;
            }
        }

        /** The wait of a request arriving now behind the current waiters. */
        long waitForNext(long now) {
            long allowedAt = tat + (waiters.size() + (passing ? 1 : 0)) * interval - tolerance;
            return allowedAt - now > 0 ? allowedAt - now : 0;
        }

        boolean isIdle(long now) {
            return waiters.isEmpty() && !passing && timer == null && tat - now <= 0;
        }

        void dropInto(List<Waiter> failed) {
            failed.addAll(waiters);
            waiters.clear();
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
