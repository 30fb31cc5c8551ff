package io.github.camellivedesk.internal.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskQueueFullException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.internal.CustomerConversation;
import io.github.camellivedesk.internal.FailureCause;
import io.github.camellivedesk.internal.LiveDeskClient;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.RateLimitPolicy;
import io.github.camellivedesk.internal.customer.CustomerConversations;

/**
 * The one owner of a validated request until it is answered: it waits for the request's turn in its conversation,
 * then for the rate limits, sends it, sends it again after a 429 (through the rate limits again, so that resends count
 * against both limits like first sends), completes it exactly once, and releases its streams on every exit: answered,
 * failed, refused by a full queue, or failed because the component stopped.
 * <p>
 * Messages that wait are held without threads, at most {@code maxQueuedMessages} of them; one more fails at once with
 * {@link LiveDeskQueueFullException}, before anything is sent. One dispatcher serves a whole component, so the order
 * holds across its endpoints. A message that fails ends its turn like one that succeeds: the conversation's next
 * message goes on, and a redelivery of the failed one is a new message, queued behind those received meanwhile. A
 * 429 resend keeps the turn: nothing of its conversation overtakes it.
 * <p>
 * A Camel service: started after the transport whose scheduler it times with, stopped before it. Stopping fails
 * every waiting message (nothing of it was sent) and ends every 429 wait with its 429; messages in flight go on.
 */
public final class Dispatcher extends ServiceSupport {

    /**
     * The component's pacing options.
     *
     * @param clientLimit       requests per period for all conversations together ({@link RateLimit#NONE}: none)
     * @param conversationLimit requests per period per conversation ({@link RateLimit#NONE}: none)
     * @param maxQueuedMessages      messages held waiting at most, at least 1
     * @param maxRememberedCustomers customers whose conversation is held in memory at most, at least 1
     * @param customerStates         where customers' conversations are also kept, or null
     */
    public record Settings(RateLimit clientLimit, RateLimit conversationLimit, int maxQueuedMessages,
            int maxRememberedCustomers, StateRepository<String, String> customerStates) {

        public Settings {
            Objects.requireNonNull(clientLimit, "clientLimit");
            Objects.requireNonNull(conversationLimit, "conversationLimit");
            if (maxQueuedMessages < 1) {
                throw new IllegalArgumentException("maxQueuedMessages must be at least 1, was " + maxQueuedMessages);
            }
            if (maxRememberedCustomers < 1) {
                throw new IllegalArgumentException(
                        "maxRememberedCustomers must be at least 1, was " + maxRememberedCustomers);
            }
        }

        boolean paces() {
            return clientLimit.isLimited() || conversationLimit.isLimited();
        }
    }

    /** Sends a request once; {@link LiveDeskClient#send} outside tests. */
    @FunctionalInterface
    public interface SendOnce {

        /**
         * @param attempt 1 for the first send, one more for each resend
         * @return completes with the answer, or fails with the request's {@code LiveDeskException} (a 429 with a
         *         {@link LiveDeskRateLimitException})
         */
        CompletableFuture<LiveDeskResponse> send(LiveDeskRequest request, int attempt);
    }

    /**
     * How one endpoint's requests go: its client, what it does on a 429, and whether they keep their order.
     *
     * @param account the LiveDesk account the client sends to (its base URL), which customers belong to
     */
    public record Sender(SendOnce client, RateLimitPolicy rateLimitPolicy, boolean preserveOrder, String account) {

        public Sender {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
            Objects.requireNonNull(account, "account");
        }
    }

    private final Supplier<Settings> options;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final LongSupplier nanoClock;
    private final AtomicInteger queued = new AtomicInteger();
    // requests waiting out a 429: stopping ends their wait with their 429, which no timer would end any more
    private final Set<ResendWait> resendWaits = ConcurrentHashMap.newKeySet();
    // replaced when the service starts, so that it can start again after a stop
    private volatile Settings settings;
    private volatile ConversationSequencer sequencer;
    private volatile Pacer pacer;
    private volatile ScheduledExecutorService timer;
    private volatile CustomerConversations customers;

    /**
     * @param settings  read each time the service starts
     * @param scheduler runs the pacing timers and the 429 waits; asked for when the service starts, never shut down here
     * @param nanoClock {@link System#nanoTime()} outside tests
     */
    public Dispatcher(Supplier<Settings> settings, Supplier<ScheduledExecutorService> scheduler,
            LongSupplier nanoClock) {
        this.options = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    @Override
    protected void doStart() {
        Settings settings = Objects.requireNonNull(options.get(), "settings");
        this.settings = settings;
        timer = Objects.requireNonNull(scheduler.get(), "no scheduler: start the transport first");
        sequencer = new ConversationSequencer(Dispatcher::stopped);
        customers = new CustomerConversations(settings.maxRememberedCustomers(), settings.customerStates());
        pacer = settings.paces()
                ? new Pacer(settings.clientLimit(), settings.conversationLimit(), timer, nanoClock, Dispatcher::stopped)
                : null;
    }

    @Override
    protected void doStop() {
        ConversationSequencer stoppedSequencer = sequencer;
        if (stoppedSequencer != null) {
            stoppedSequencer.close();
        }
        Pacer stoppedPacer = pacer;
        if (stoppedPacer != null) {
            stoppedPacer.close();
        }
        for (ResendWait wait : List.copyOf(resendWaits)) {
            if (resendWaits.remove(wait)) {
                wait.giveUp.run();
            }
        }
    }

    /**
     * Takes a validated request: sends it when its turn comes and the rate limits allow, and answers it once.
     *
     * @return completes with LiveDesk's answer, or fails with the request's {@code LiveDeskException}: the last 429
     *         when the resends allowed are used up, {@link LiveDeskQueueFullException} when the queue is full, a
     *         {@link LiveDeskTransportException} (nothing sent) when the dispatcher is stopped first
     */
    public CompletableFuture<LiveDeskResponse> submit(LiveDeskRequest request, Sender sender) {
        CompletableFuture<LiveDeskResponse> answer = new CompletableFuture<>();
        admit(request, sender).whenComplete((response, failure) -> {
            // the one place a request's streams are let go, before the caller hears the answer
            request.release();
            if (failure != null) {
                answer.completeExceptionally(FailureCause.of(failure));
            } else {
                answer.complete(response);
            }
        });
        return answer;
    }

    private CompletableFuture<LiveDeskResponse> admit(LiveDeskRequest request, Sender sender) {
        ConversationSequencer turns = sequencer;
        Pacer limits = pacer;
        if (!isRunAllowed() || turns == null) {
            return CompletableFuture.failedFuture(stopped());
        }
        String conversationId = request.orderKey();
        // a request of no conversation yet keeps no order and counts only against the client-wide limit
        boolean ordered = sender.preserveOrder() && conversationId != null;
        if (limits == null && !ordered) {
            // nothing to wait for: the fast path costs nothing
            return deliver(request, sender, null, () -> {
            });
        }
        if (queued.incrementAndGet() > settings.maxQueuedMessages()) {
            queued.decrementAndGet();
            return CompletableFuture.failedFuture(queueFull(limits, conversationId, ordered));
        }
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable leaveQueue = () -> {
            if (counted.compareAndSet(true, false)) {
                queued.decrementAndGet();
            }
        };
        Supplier<CompletionStage<LiveDeskResponse>> paced = () -> deliver(request, sender, limits, leaveQueue);
        CompletableFuture<LiveDeskResponse> result = ordered ? turns.submit(conversationId, paced) : start(paced);
        // a message failed without starting (the dispatcher stopped) is no longer queued either
        result.whenComplete((response, failure) -> leaveQueue.run());
        return result;
    }

    /**
     * Sends the request once the rate limits allow; a message to a customer first to the customer's conversation,
     * found or created now (inside the customer's turn, so the customer's next messages wait for it, and in any case
     * once per customer at a time).
     *
     * @param leftQueue called once the request no longer waits
     */
    private CompletableFuture<LiveDeskResponse> deliver(LiveDeskRequest request, Sender sender, Pacer limits,
            Runnable leftQueue) {
        if (!(request instanceof LiveDeskRequest.ToConversation message) || message.customer() == null) {
            return paced(request, sender, limits, leftQueue);
        }
        Function<LiveDeskRequest, CompletableFuture<LiveDeskResponse>> calls = call -> paced(call, sender, limits,
                () -> {
                });
        LiveDeskRequest.CreateContact customer = message.customer();
        return customers.conversationOf(customer, sender.account(), calls)
                .thenCompose(found -> toCustomer(message, found, sender, limits, leftQueue).handle(
                        (response, failure) -> {
                            if (failure == null) {
                                return CompletableFuture.completedFuture(response);
                            }
                            Throwable cause = FailureCause.of(failure);
                            if (found.remembered() && cause instanceof LiveDeskHttpException http
                                    && http.getStatusCode() == 404 && message.isRepeatable()) {
                                // the conversation remembered is gone (deleted, or another account's): once more,
                                // with the customer looked up again
                                return customers.conversationAgain(customer, sender.account(), found, calls)
                                        .thenCompose(again -> toCustomer(message, again, sender, limits, leftQueue));
                            }
                            return CompletableFuture.<LiveDeskResponse>failedFuture(cause);
                        })
                        .thenCompose(Function.identity()));
    }

    private CompletableFuture<LiveDeskResponse> toCustomer(LiveDeskRequest.ToConversation message,
            CustomerConversations.Found found, Sender sender, Pacer limits, Runnable leftQueue) {
        CustomerConversation conversation = found.conversation();
        return paced(message.toConversation(conversation.conversationId()), sender, limits, leftQueue)
                .thenApply(response -> response.toCustomer(conversation));
    }

    private CompletableFuture<LiveDeskResponse> paced(LiveDeskRequest request, Sender sender, Pacer limits,
            Runnable leftQueue) {
        if (limits == null) {
            leftQueue.run();
            return send(request, sender, null);
        }
        return limits.acquire(request.orderKey()).thenCompose(ready -> {
            leftQueue.run();
            return send(request, sender, limits);
        });
    }

    /** Sends the request, and again after each 429 the sender's policy allows; completes with the last outcome. */
    private CompletableFuture<LiveDeskResponse> send(LiveDeskRequest request, Sender sender, Pacer limits) {
        CompletableFuture<LiveDeskResponse> outcome = new CompletableFuture<>();
        attempt(request, sender, limits, 1, outcome);
        return outcome;
    }

    private void attempt(LiveDeskRequest request, Sender sender, Pacer limits, int attempt,
            CompletableFuture<LiveDeskResponse> outcome) {
        CompletableFuture<LiveDeskResponse> sent;
        try {
            sent = sender.client().send(request, attempt);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
            return;
        }
        sent.whenComplete((response, failure) -> {
            if (failure == null) {
                outcome.complete(response);
                return;
            }
            Throwable cause = FailureCause.of(failure);
            if (cause instanceof LiveDeskRateLimitException rateLimited && request.isRepeatable()) {
                Optional<Duration> wait = sender.rateLimitPolicy().waitBeforeRetry(attempt,
                        rateLimited.getRetryAfter().orElse(null));
                // LiveDesk did not process it: after the wait it queues for the rate limits again, like any request
                if (wait.isPresent() && resendAfter(wait.get(), () -> {
                    CompletableFuture<Void> ready = limits == null ? CompletableFuture.completedFuture(null)
                            : limits.acquire(request.orderKey());
                    ready.whenComplete((tokens, stopped) -> {
                        if (stopped != null) {
                            // stopped while waiting for a token: the 429 is the answer, and nothing more was sent
                            outcome.completeExceptionally(rateLimited);
                        } else {
                            attempt(request, sender, limits, attempt + 1, outcome);
                        }
                    });
                }, () -> outcome.completeExceptionally(rateLimited))) {
                    return;
                }
            }
            outcome.completeExceptionally(cause);
        });
    }

    /**
     * Runs {@code resend} after {@code delay}, or {@code giveUp} if the dispatcher stops first.
     *
     * @return false when the dispatcher is stopping and cannot wait
     */
    private boolean resendAfter(Duration delay, Runnable resend, Runnable giveUp) {
        ResendWait wait = new ResendWait(giveUp);
        resendWaits.add(wait);
        try {
            timer.schedule(() -> {
                if (resendWaits.remove(wait)) {
                    resend.run();
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            resendWaits.remove(wait);
            return false;
        }
        if (!isRunAllowed() && resendWaits.remove(wait)) {
            // stopped while the wait was being scheduled
            giveUp.run();
        }
        return true;
    }

    /** Messages waiting now for their turn or for the rate limits. */
    public int queuedMessages() {
        return queued.get();
    }

    /** Requests waiting out a 429 now, before they queue for the rate limits again. */
    public int resendsWaiting() {
        return resendWaits.size();
    }

    /** How long a message that nothing else holds back would wait now for the client-wide limit. */
    public Duration currentWait() {
        Pacer limits = pacer;
        return limits == null ? Duration.ZERO : limits.clientWait();
    }

    private static <T> CompletableFuture<T> start(Supplier<? extends CompletionStage<T>> send) {
        try {
            return Objects.requireNonNull(send.get(), "send returned no CompletionStage").toCompletableFuture();
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private LiveDeskQueueFullException queueFull(Pacer limits, String conversationId, boolean preserveOrder) {
        Pacer.Limit limit = limits == null ? null : limits.holdingLimit(conversationId);
        if (limit == null && !preserveOrder) {
            // unordered messages wait only for the pacer (it exists, or nothing would have been queued)
            limit = limits.clientLimit().isLimited() ? Pacer.Limit.CLIENT : Pacer.Limit.CONVERSATION;
        }
        int max = settings.maxQueuedMessages();
        if (limit == Pacer.Limit.CLIENT) {
            return new LiveDeskQueueFullException(max, "the client-wide limit of " + describe(limits.clientLimit()),
                    "rateLimitPerMinute");
        }
        if (limit == Pacer.Limit.CONVERSATION) {
            return new LiveDeskQueueFullException(max, "the limit of " + describe(limits.conversationLimit())
                    + " in each conversation", "conversationRateLimitPerMinute");
        }
        return new LiveDeskQueueFullException(max,
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

    /** A request waiting out a 429; identity matters, so not a record. */
    private static final class ResendWait {
        private final Runnable giveUp;

        ResendWait(Runnable giveUp) {
            this.giveUp = giveUp;
        }
    }
}
