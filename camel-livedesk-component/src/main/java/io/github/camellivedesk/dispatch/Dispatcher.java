package io.github.camellivedesk.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.camellivedesk.error.LiveDeskQueueFullException;
import io.github.camellivedesk.error.LiveDeskTransportException;

/**
 * What stands between a validated request and the client: first the order per conversation, then the pacing to the
 * rate limits, then the send. Messages that wait (for their turn or for a token) are held without threads, at most
 * {@code maxQueuedMessages} of them; one more fails at once with {@link LiveDeskQueueFullException}, before
 * anything is sent.
 * <p>
 * One dispatcher serves a whole component, so the order holds across its endpoints. A message that fails ends its
 * turn like one that succeeds: the conversation's next message goes on, and a redelivery of the failed one is a new
 * message, queued behind those received meanwhile.
 */
public final class Dispatcher implements AutoCloseable {

    private final ConversationSequencer sequencer;
    private final Pacer pacer;
    private final int maxQueuedMessages;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    /**
     * @param clientLimit       requests per period for all conversations together ({@link RateLimit#NONE}: none)
     * @param conversationLimit requests per period per conversation ({@link RateLimit#NONE}: none)
     * @param maxQueuedMessages messages held waiting at most, at least 1
     * @param scheduler         runs pacing timers; owned by the caller
     * @param nanoClock         {@link System#nanoTime()} outside tests
     */
    public Dispatcher(RateLimit clientLimit, RateLimit conversationLimit, int maxQueuedMessages,
                      ScheduledExecutorService scheduler, LongSupplier nanoClock) {
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("maxQueuedMessages must be at least 1, was " + maxQueuedMessages);
        }
        this.maxQueuedMessages = maxQueuedMessages;
        this.sequencer = new ConversationSequencer(Dispatcher::stopped);
        this.pacer = clientLimit.isLimited() || conversationLimit.isLimited()
                ? new Pacer(clientLimit, conversationLimit, scheduler, nanoClock, Dispatcher::stopped)
                : null;
    }

    /**
     * Sends a message of a conversation when its turn comes (if {@code preserveOrder}) and the rate limits allow.
     *
     * @param send starts the request; called at most once, never while the caller of this method waits
     * @return completes as the send's stage does; fails with {@link LiveDeskQueueFullException} when the queue is full
     *         and with a {@link LiveDeskTransportException} (nothing sent) when the dispatcher closes first
     */
    public <T> CompletableFuture<T> submit(String conversationId, boolean preserveOrder,
                                           Supplier<? extends CompletionStage<T>> send) {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(send, "send");
        if (closed) {
            return CompletableFuture.failedFuture(stopped());
        }
        if (pacer == null && !preserveOrder) {
            // nothing to wait for: the fast path costs nothing
            return start(send);
        }
        if (queued.incrementAndGet() > maxQueuedMessages) {
            queued.decrementAndGet();
            return CompletableFuture.failedFuture(queueFull(conversationId, preserveOrder));
        }
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable release = () -> {
            if (counted.compareAndSet(true, false)) {
                queued.decrementAndGet();
            }
        };
        Supplier<CompletionStage<T>> paced = () -> {
            if (pacer == null) {
                release.run();
                return start(send);
            }
            return pacer.acquire(conversationId).thenCompose(ready -> {
                release.run();
                return send.get();
            });
        };
        CompletableFuture<T> result = preserveOrder
                ? sequencer.submit(conversationId, paced)
                : start(paced);
        // a message failed without starting (the dispatcher closed) is no longer queued either
        result.whenComplete((value, failure) -> release.run());
        return result;
    }

    /** Messages waiting now for their turn or for the rate limits. */
    public int queuedMessages() {
        return queued.get();
    }

    /** How long a message that nothing else holds back would wait now for the client-wide limit. */
    public Duration currentWait() {
        return pacer == null ? Duration.ZERO : pacer.clientWait();
    }

    /** The bound on {@link #queuedMessages()}. */
    public int maxQueuedMessages() {
        return maxQueuedMessages;
    }

    /** Fails every waiting message (nothing of them was sent) and every later one. Messages in flight go on. */
    @Override
    public void close() {
        closed = true;
        sequencer.close();
        if (pacer != null) {
            pacer.close();
        }
    }

    private static <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> send) {
        try {
            return Objects.requireNonNull(send.get(), "send returned no CompletionStage").toCompletableFuture();
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private LiveDeskQueueFullException queueFull(String conversationId, boolean preserveOrder) {
        Pacer.Limit limit = pacer == null ? null : pacer.holdingLimit(conversationId);
        if (limit == null && !preserveOrder) {
            // unordered messages wait only for the pacer (it exists, or nothing would have been queued)
            limit = pacer.clientLimit().isLimited() ? Pacer.Limit.CLIENT : Pacer.Limit.CONVERSATION;
        }
        if (limit == Pacer.Limit.CLIENT) {
            return new LiveDeskQueueFullException(maxQueuedMessages, "the client-wide limit of "
                    + describe(pacer.clientLimit()), "rateLimitPerMinute");
        }
        if (limit == Pacer.Limit.CONVERSATION) {
            return new LiveDeskQueueFullException(maxQueuedMessages, "the limit of "
                    + describe(pacer.conversationLimit()) + " in each conversation", "conversationRateLimitPerMinute");
        }
        return new LiveDeskQueueFullException(maxQueuedMessages,
                "the order of conversations (preserveOrder): earlier messages of the same conversations are still in flight",
                null);
    }

    private static String describe(RateLimit limit) {
        Duration period = limit.period();
        String per = period.equals(Duration.ofMinutes(1)) ? "minute" : period.toString();
        return limit.limit() + " requests per " + per;
    }

    private static LiveDeskTransportException stopped() {
        return new LiveDeskTransportException(
                "The LiveDesk component stopped before this message was sent; nothing was sent, so sending it again is safe",
                false, null);
    }
}
