package io.github.camellivedesk.dispatch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskQueueFullException;
import io.github.camellivedesk.error.LiveDeskTransportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Order, then pacing, then the send, with the bounded queue in front; on a virtual clock. */
class DispatcherTest {

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    /** The sends that started, in order, and their answers that the test completes. */
    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<String>> answers = new ArrayList<>();

    private Dispatcher dispatcher(RateLimit client, RateLimit conversation, int maxQueued) {
        return new Dispatcher(client, conversation, maxQueued, scheduler, scheduler::nanoTime);
    }

    private CompletableFuture<String> submit(Dispatcher dispatcher, String conversation, String name, boolean ordered) {
        return dispatcher.submit(conversation, ordered, () -> {
            sent.add(name);
            CompletableFuture<String> answer = new CompletableFuture<>();
            answers.add(answer);
            return answer;
        });
    }

    @Test
    void aConversationWaitsForTheAnswerBeforeItsNextMessageIsPaced() {
        Dispatcher dispatcher = dispatcher(RateLimit.perMinute(60), RateLimit.NONE, 100);
        CompletableFuture<String> first = submit(dispatcher, "c1", "m1", true);
        CompletableFuture<String> second = submit(dispatcher, "c1", "m2", true);
        submit(dispatcher, "c2", "n1", true);
        assertThat(sent).containsExactly("m1");
        assertThat(dispatcher.queuedMessages()).as("m2 waits for its turn, n1 for a token").isEqualTo(2);

        scheduler.advance(Duration.ofNanos(RateLimit.perMinute(60).refillIntervalNanos()));
        assertThat(sent).as("n1 took the next token; m2 still waits for m1's answer").containsExactly("m1", "n1");

        answers.get(0).complete("answer 1");
        assertThat(first).isCompletedWithValue("answer 1");
        assertThat(sent).as("m2 now waits for a token").containsExactly("m1", "n1");
        scheduler.runAll();
        assertThat(sent).containsExactly("m1", "n1", "m2");
        answers.get(2).complete("answer 2");
        assertThat(second).isCompletedWithValue("answer 2");
        assertThat(dispatcher.queuedMessages()).isZero();
    }

    @Test
    void withoutOrderMessagesOfOneConversationGoTogether() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 100);
        for (int i = 1; i <= 3; i++) {
            submit(dispatcher, "c1", "m" + i, false);
        }
        assertThat(sent).containsExactly("m1", "m2", "m3");
        assertThat(dispatcher.queuedMessages()).isZero();
    }

    @Test
    void aFullQueueFailsAtOnceNamingTheClientLimitAndNothingIsSent() {
        Dispatcher dispatcher = dispatcher(RateLimit.perMinute(60), RateLimit.NONE, 3);
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(submit(dispatcher, "c" + i, "m" + i, true));
        }
        assertThat(sent).containsExactly("m0");
        assertThat(dispatcher.queuedMessages()).isEqualTo(3);

        CompletableFuture<String> refused = submit(dispatcher, "c9", "refused", true);

        assertThat(refused).isCompletedExceptionally();
        LiveDeskQueueFullException full = failure(refused, LiveDeskQueueFullException.class);
        assertThat(full.getMaxQueuedMessages()).isEqualTo(3);
        assertThat(full.getLimitOption()).isEqualTo("rateLimitPerMinute");
        assertThat(full.getMessage()).contains("maxQueuedMessages", "rateLimitPerMinute", "60 requests per minute",
                "Nothing was sent");
        assertThat(full.isRetryable()).isTrue();
        assertThat(full.isRequestMayHaveReachedLiveDesk()).isFalse();
        assertThat(full).isInstanceOf(LiveDeskException.class);

        scheduler.runAll();
        assertThat(sent).doesNotContain("refused").hasSize(4);
        assertThat(dispatcher.queuedMessages()).isZero();
        submit(dispatcher, "c9", "later", true);
        assertThat(dispatcher.queuedMessages()).as("room again once the queue drained").isEqualTo(1);
        scheduler.runAll();
        assertThat(sent).endsWith("later");
    }

    @Test
    void aFullQueueNamesTheConversationLimitOrTheOrderWhenThoseHoldTheMessages() {
        Dispatcher paced = dispatcher(RateLimit.NONE, RateLimit.perMinute(60), 2);
        for (int i = 0; i < 3; i++) {
            submit(paced, "busy", "m" + i, false);
        }
        LiveDeskQueueFullException byConversation = failure(submit(paced, "busy", "refused", false),
                LiveDeskQueueFullException.class);
        assertThat(byConversation.getLimitOption()).isEqualTo("conversationRateLimitPerMinute");
        assertThat(byConversation.getMessage()).contains("60 requests per minute in each conversation");

        Dispatcher ordered = dispatcher(RateLimit.NONE, RateLimit.NONE, 2);
        for (int i = 0; i < 3; i++) {
            submit(ordered, "busy", "o" + i, true);
        }
        LiveDeskQueueFullException byOrder = failure(submit(ordered, "busy", "refused", true),
                LiveDeskQueueFullException.class);
        assertThat(byOrder.getLimitOption()).isNull();
        assertThat(byOrder.getMessage()).contains("preserveOrder", "maxQueuedMessages");
    }

    @Test
    void aFailedSendEndsItsTurnAndIsNotCountedAsQueued() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 10);
        CompletableFuture<String> first = submit(dispatcher, "c1", "m1", true);
        AtomicInteger thrown = new AtomicInteger();
        CompletableFuture<String> throwing = dispatcher.submit("c1", true, () -> {
            thrown.incrementAndGet();
            throw new IllegalStateException("could not even start");
        });
        CompletableFuture<String> third = submit(dispatcher, "c1", "m3", true);
        assertThat(dispatcher.queuedMessages()).isEqualTo(2);

        answers.get(0).completeExceptionally(new IllegalStateException("HTTP 500"));

        assertThatThrownBy(first::join).hasMessageContaining("HTTP 500");
        assertThatThrownBy(throwing::join).hasMessageContaining("could not even start");
        assertThat(thrown).hasValue(1);
        assertThat(sent).containsExactly("m1", "m3");
        assertThat(third).isNotDone();
        assertThat(dispatcher.queuedMessages()).isZero();
    }

    @Test
    void closeFailsEveryWaitingMessageWithNothingSentAndLetsTheOnesInFlightFinish() {
        Dispatcher dispatcher = dispatcher(RateLimit.perMinute(60), RateLimit.perMinute(60), 100);
        CompletableFuture<String> inFlight = submit(dispatcher, "c1", "m1", true);
        CompletableFuture<String> waitingForTurn = submit(dispatcher, "c1", "m2", true);
        CompletableFuture<String> waitingForToken = submit(dispatcher, "c2", "n1", true);
        CompletableFuture<String> unordered = submit(dispatcher, "c3", "u1", false);
        assertThat(dispatcher.queuedMessages()).isEqualTo(3);

        dispatcher.close();

        for (CompletableFuture<String> waiting : List.of(waitingForTurn, waitingForToken, unordered)) {
            LiveDeskTransportException stopped = failure(waiting, LiveDeskTransportException.class);
            assertThat(stopped.isRequestMayHaveReachedLiveDesk()).isFalse();
            assertThat(stopped.getMessage()).contains("stopped", "nothing was sent");
        }
        assertThat(failure(submit(dispatcher, "c4", "late", true), LiveDeskTransportException.class)).isNotNull();
        assertThat(dispatcher.queuedMessages()).isZero();
        answers.get(0).complete("answered");
        assertThat(inFlight).isCompletedWithValue("answered");
        scheduler.runAll();
        assertThat(sent).containsExactly("m1");
    }

    @Test
    void theCurrentWaitIsTheClientLimits() {
        RateLimit limit = RateLimit.perMinute(60);
        Dispatcher dispatcher = dispatcher(limit, RateLimit.NONE, 100);
        assertThat(dispatcher.currentWait()).isZero();
        submit(dispatcher, "a", "a", true);
        submit(dispatcher, "b", "b", true);
        assertThat(dispatcher.currentWait()).isEqualTo(Duration.ofNanos(2 * limit.refillIntervalNanos()));
        assertThat(dispatcher(RateLimit.NONE, RateLimit.NONE, 1).currentWait()).isZero();
    }

    @Test
    void refusesAQueueOfLessThanOne() {
        assertThatThrownBy(() -> dispatcher(RateLimit.NONE, RateLimit.NONE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedMessages");
    }

    private static <E extends Throwable> E failure(CompletableFuture<?> future, Class<E> type) {
        assertThat(future).isCompletedExceptionally();
        Throwable cause = future.handle((value, failure) -> failure).join();
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(type);
        return type.cast(cause);
    }
}
