package io.github.camellivedesk.internal.dispatch;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskQueueFullException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.RateLimitPolicy;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.model.Attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The owner of a request: order, then pacing, then the send, with the bounded queue in front, 429 resends through the
 * pacer within the turn, and the request's streams let go once on every exit; on a virtual clock.
 */
class DispatcherTest {

    private static final RateLimitPolicy RESEND_TWICE = new RateLimitPolicy(2, Duration.ofMinutes(1),
            Duration.ofSeconds(1));

    private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler();
    /** The sends that started, in order (a resend again), and their answers that the test completes. */
    private final List<String> sent = new ArrayList<>();
    private final List<CompletableFuture<LiveDeskResponse>> answers = new ArrayList<>();
    private final List<Dispatcher> started = new ArrayList<>();
    /** The send every test's requests go through: records the request's text and waits for the test's answer. */
    private final Dispatcher.SendOnce client = (request, attempt) -> {
        sent.add(((LiveDeskRequest.Send) request).content().value());
        CompletableFuture<LiveDeskResponse> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    };

    @AfterEach
    void stop() {
        started.forEach(Dispatcher::stop);
    }

    private Dispatcher dispatcher(RateLimit client, RateLimit conversation, int maxQueued) {
        Dispatcher dispatcher = new Dispatcher(
                () -> new Dispatcher.Settings(client, conversation, maxQueued, 100, null),
                () -> scheduler, scheduler::nanoTime);
        dispatcher.start();
        started.add(dispatcher);
        return dispatcher;
    }

    private static LiveDeskRequest.Send request(String conversation, String text, Attachment... files) {
        return new LiveDeskRequest.Send(new Resolved<>(conversation, "header"), null, new Resolved<>(text, "body"),
                new Resolved<>(false, "option"), new Resolved<>(null, "option"),
                new Resolved<>(List.of(files), "body"));
    }

    private CompletableFuture<LiveDeskResponse> submit(Dispatcher dispatcher, String conversation, String name,
            boolean ordered) {
        return dispatcher.submit(request(conversation, name),
                new Dispatcher.Sender(client, RESEND_TWICE, ordered, "test"));
    }

    private static LiveDeskResponse answer(int status) {
        return new LiveDeskResponse(status, null);
    }

    private static LiveDeskRateLimitException tooManyRequests(Duration retryAfter, int attempt) {
        return new LiveDeskRateLimitException("Too Many Requests", "Retry later", "", retryAfter, attempt);
    }

    @Test
    void aConversationWaitsForTheAnswerBeforeItsNextMessageIsPaced() {
        Dispatcher dispatcher = dispatcher(RateLimit.perMinute(60), RateLimit.NONE, 100);
        CompletableFuture<LiveDeskResponse> first = submit(dispatcher, "c1", "m1", true);
        CompletableFuture<LiveDeskResponse> second = submit(dispatcher, "c1", "m2", true);
        submit(dispatcher, "c2", "n1", true);
        assertThat(sent).containsExactly("m1");
        assertThat(dispatcher.queuedMessages()).as("m2 waits for its turn, n1 for a token").isEqualTo(2);

        scheduler.advance(Duration.ofNanos(RateLimit.perMinute(60).refillIntervalNanos()));
        assertThat(sent).as("n1 took the next token; m2 still waits for m1's answer").containsExactly("m1", "n1");

        LiveDeskResponse one = answer(200);
        answers.get(0).complete(one);
        assertThat(first).isCompletedWithValue(one);
        assertThat(sent).as("m2 now waits for a token").containsExactly("m1", "n1");
        scheduler.runAll();
        assertThat(sent).containsExactly("m1", "n1", "m2");
        LiveDeskResponse two = answer(201);
        answers.get(2).complete(two);
        assertThat(second).isCompletedWithValue(two);
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
        List<CompletableFuture<LiveDeskResponse>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(submit(dispatcher, "c" + i, "m" + i, true));
        }
        assertThat(sent).containsExactly("m0");
        assertThat(dispatcher.queuedMessages()).isEqualTo(3);

        CompletableFuture<LiveDeskResponse> refused = submit(dispatcher, "c9", "refused", true);

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
        CompletableFuture<LiveDeskResponse> first = submit(dispatcher, "c1", "m1", true);
        AtomicInteger thrown = new AtomicInteger();
        CompletableFuture<LiveDeskResponse> throwing = dispatcher.submit(request("c1", "m2"),
                new Dispatcher.Sender((request, attempt) -> {
                    thrown.incrementAndGet();
                    throw new IllegalStateException("could not even start");
                }, RESEND_TWICE, true, "test"));
        CompletableFuture<LiveDeskResponse> third = submit(dispatcher, "c1", "m3", true);
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
        CompletableFuture<LiveDeskResponse> inFlight = submit(dispatcher, "c1", "m1", true);
        CompletableFuture<LiveDeskResponse> waitingForTurn = submit(dispatcher, "c1", "m2", true);
        CompletableFuture<LiveDeskResponse> waitingForToken = submit(dispatcher, "c2", "n1", true);
        CompletableFuture<LiveDeskResponse> unordered = submit(dispatcher, "c3", "u1", false);
        assertThat(dispatcher.queuedMessages()).isEqualTo(3);

        dispatcher.stop();

        for (CompletableFuture<LiveDeskResponse> waiting : List.of(waitingForTurn, waitingForToken, unordered)) {
            LiveDeskTransportException stopped = failure(waiting, LiveDeskTransportException.class);
            assertThat(stopped.isRequestMayHaveReachedLiveDesk()).isFalse();
            assertThat(stopped.getMessage()).contains("stopped", "nothing was sent");
        }
        assertThat(failure(submit(dispatcher, "c4", "late", true), LiveDeskTransportException.class)).isNotNull();
        assertThat(dispatcher.queuedMessages()).isZero();
        LiveDeskResponse answered = answer(200);
        answers.get(0).complete(answered);
        assertThat(inFlight).isCompletedWithValue(answered);
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
        assertThatThrownBy(() -> new Dispatcher.Settings(RateLimit.NONE, RateLimit.NONE, 0, 100, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedMessages");
    }

    @Test
    void remembersAtLeastOneCustomer() {
        assertThat(new Dispatcher.Settings(RateLimit.NONE, RateLimit.NONE, 1, 1, null).maxRememberedCustomers())
                .isEqualTo(1);
        assertThatThrownBy(() -> new Dispatcher.Settings(RateLimit.NONE, RateLimit.NONE, 1, 0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRememberedCustomers must be at least 1, was 0");
    }

    @Test
    void pacesOnlyWithALimit() {
        RateLimit limit = RateLimit.perMinute(60);
        assertThat(new Dispatcher.Settings(RateLimit.NONE, RateLimit.NONE, 1, 1, null).paces()).isFalse();
        assertThat(new Dispatcher.Settings(limit, RateLimit.NONE, 1, 1, null).paces()).isTrue();
        assertThat(new Dispatcher.Settings(RateLimit.NONE, limit, 1, 1, null).paces()).isTrue();
    }

    @Test
    void aResendAfterA429WaitsForTheRateLimitsLikeAFirstSend() {
        RateLimit limit = RateLimit.perMinute(60);
        Dispatcher dispatcher = dispatcher(limit, RateLimit.NONE, 100);
        CompletableFuture<LiveDeskResponse> first = submit(dispatcher, "c1", "m1", false);
        assertThat(sent).containsExactly("m1");

        // Retry-After: 0 asks for no wait at all; the client-wide limit still holds the resend back
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ZERO, 1));
        scheduler.advance(Duration.ZERO);
        assertThat(sent).as("the resend waits for a token").containsExactly("m1");
        assertThat(dispatcher.currentWait()).isPositive();

        scheduler.advance(Duration.ofNanos(limit.refillIntervalNanos()));
        assertThat(sent).containsExactly("m1", "m1");
        LiveDeskResponse stored = answer(200);
        answers.get(1).complete(stored);
        assertThat(first).isCompletedWithValue(stored);
    }

    @Test
    void aResendAfterA429CountsAgainstTheConversationLimitToo() {
        RateLimit limit = RateLimit.perMinute(60);
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, limit, 100);
        submit(dispatcher, "c1", "m1", false);
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ZERO, 1));
        scheduler.advance(Duration.ZERO);
        assertThat(sent).as("the conversation's token for the resend comes one interval later").containsExactly("m1");
        scheduler.advance(Duration.ofNanos(limit.refillIntervalNanos()));
        assertThat(sent).containsExactly("m1", "m1");
    }

    @Test
    void a429ResendKeepsTheTurnOfItsConversation() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 100);
        CompletableFuture<LiveDeskResponse> first = submit(dispatcher, "c1", "m1", true);
        CompletableFuture<LiveDeskResponse> second = submit(dispatcher, "c1", "m2", true);
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ofSeconds(2), 1));

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(sent).as("m2 waits while m1 waits out its 429").containsExactly("m1");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(sent).containsExactly("m1", "m1");
        answers.get(1).complete(answer(200));
        assertThat(first).isCompleted();
        assertThat(sent).containsExactly("m1", "m1", "m2");
        assertThat(second).isNotDone();
    }

    @Test
    void theLast429IsTheAnswerWhenTheResendsAreUsedUp() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 100);
        CompletableFuture<LiveDeskResponse> result = submit(dispatcher, "c1", "m1", true);
        for (int attempt = 1; attempt <= 3; attempt++) {
            answers.get(attempt - 1).completeExceptionally(tooManyRequests(Duration.ofSeconds(1), attempt));
            scheduler.advance(Duration.ofSeconds(1));
        }
        assertThat(sent).as("the first send and the two resends RESEND_TWICE allows").hasSize(3);
        assertThat(failure(result, LiveDeskRateLimitException.class).getAttempts()).isEqualTo(3);
    }

    @Test
    void stoppingDuringA429WaitAnswersThe429AndSendsNothingMore() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 100);
        CompletableFuture<LiveDeskResponse> result = submit(dispatcher, "c1", "m1", true);
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ofSeconds(30), 1));

        dispatcher.stop();

        LiveDeskRateLimitException rateLimited = failure(result, LiveDeskRateLimitException.class);
        assertThat(rateLimited.isRequestMayHaveReachedLiveDesk()).isFalse();
        scheduler.runAll();
        assertThat(sent).containsExactly("m1");
    }

    @Test
    void aStreamIsLetGoOnceOnEveryExitBeforeTheAnswerIsHeard() {
        Dispatcher dispatcher = dispatcher(RateLimit.perMinute(60), RateLimit.NONE, 2);
        Dispatcher.Sender sender = new Dispatcher.Sender(client, RESEND_TWICE, true, "test");
        List<CountingStream> streams = new ArrayList<>();
        List<CompletableFuture<LiveDeskResponse>> results = new ArrayList<>();
        List<Integer> closedWhenAnswered = new ArrayList<>();
        for (String name : List.of("answered", "failed", "queued", "full")) {
            CountingStream stream = new CountingStream();
            streams.add(stream);
            CompletableFuture<LiveDeskResponse> result = dispatcher.submit(
                    request("c-" + name, name, Attachment.of(name + ".txt", stream, 1)), sender);
            result.whenComplete((response, failure) -> closedWhenAnswered.add(stream.closed.get()));
            results.add(result);
        }
        assertThat(failure(results.get(3), LiveDeskQueueFullException.class)).isNotNull();
        scheduler.advance(Duration.ofNanos(RateLimit.perMinute(60).refillIntervalNanos()));
        answers.get(0).complete(answer(200));
        answers.get(1).completeExceptionally(new IllegalStateException("HTTP 500"));
        dispatcher.stop();

        assertThat(results).allMatch(CompletableFuture::isDone);
        assertThat(streams).as("answered, failed, stopped while queued, refused by the full queue")
                .allSatisfy(stream -> assertThat(stream.closed).hasValue(1));
        assertThat(closedWhenAnswered).containsOnly(1);
    }

    @Test
    void aStreamIsNotSentAgainAfterA429() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 10);
        CountingStream stream = new CountingStream();
        CompletableFuture<LiveDeskResponse> result = dispatcher.submit(
                request("c1", "file", Attachment.of("f.txt", stream, 1)),
                new Dispatcher.Sender(client, RESEND_TWICE, true, "test"));
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ZERO, 1));
        scheduler.runAll();
        assertThat(sent).as("a stream was read as it was sent: it cannot be sent again").containsExactly("file");
        assertThat(failure(result, LiveDeskRateLimitException.class)).isNotNull();
        assertThat(stream.closed).hasValue(1);
    }

    @Test
    void a429ThatArrivesAfterTheDispatcherStoppedIsTheAnswerAndNothingIsResent() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 10);
        CompletableFuture<LiveDeskResponse> inFlight = submit(dispatcher, "c1", "m1", true);
        dispatcher.stop();
        assertThat(inFlight).as("in flight: it goes on").isNotDone();

        answers.get(0).completeExceptionally(tooManyRequests(Duration.ZERO, 1));

        assertThat(failure(inFlight, LiveDeskRateLimitException.class).getAttempts()).isEqualTo(1);
        scheduler.runAll();
        assertThat(sent).containsExactly("m1");
    }

    @Test
    void a429WhenTheSchedulerIsGoneIsTheAnswer() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 10);
        CompletableFuture<LiveDeskResponse> result = submit(dispatcher, "c1", "m1", true);
        scheduler.shutdown();
        answers.get(0).completeExceptionally(tooManyRequests(Duration.ZERO, 1));
        assertThat(failure(result, LiveDeskRateLimitException.class)).isNotNull();
        assertThat(sent).containsExactly("m1");
    }

    @Test
    void aFailureReachesTheCallerAsItWasRaisedNotItsCauseNorAWrapper() {
        LiveDeskTransportException refused = new LiveDeskTransportException("connection refused", false,
                new java.net.ConnectException("refused"));
        for (boolean ordered : new boolean[]{ true, false }) {
            for (RateLimit limit : new RateLimit[]{ RateLimit.NONE, RateLimit.perMinute(6000) }) {
                Dispatcher dispatcher = dispatcher(limit, RateLimit.NONE, 10);
                int before = answers.size();
                CompletableFuture<LiveDeskResponse> result = submit(dispatcher, "c1", "m", ordered);
                answers.get(before).completeExceptionally(refused);
                assertThat(failure(result, LiveDeskTransportException.class)).isSameAs(refused);
                assertThat(result.handle((value, failure) -> failure).join()).isSameAs(refused);
            }
        }
    }

    @Test
    void aFullQueueOfUnorderedMessagesNamesTheLimitThatHoldsThem() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.perMinute(60), 2);
        for (int i = 0; i < 3; i++) {
            submit(dispatcher, "busy", "m" + i, false);
        }
        // the new conversation is held by nothing itself: the messages it would queue behind are
        LiveDeskQueueFullException full = failure(submit(dispatcher, "new", "refused", false),
                LiveDeskQueueFullException.class);
        assertThat(full.getLimitOption()).isEqualTo("conversationRateLimitPerMinute");

        Dispatcher clientLimited = dispatcher(RateLimit.perMinute(60), RateLimit.NONE, 1);
        submit(clientLimited, "a", "a", false);
        submit(clientLimited, "b", "b", false);
        scheduler.advance(Duration.ofNanos(RateLimit.perMinute(60).refillIntervalNanos()));
        submit(clientLimited, "c", "c", false);
        assertThat(failure(submit(clientLimited, "d", "d", false), LiveDeskQueueFullException.class).getLimitOption())
                .isEqualTo("rateLimitPerMinute");
    }

    @Test
    void unorderedMessagesWithoutLimitsAreNeverQueued() {
        Dispatcher dispatcher = dispatcher(RateLimit.NONE, RateLimit.NONE, 1);
        List<CompletableFuture<LiveDeskResponse>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(submit(dispatcher, "c1", "m" + i, false));
        }
        assertThat(results).noneMatch(CompletableFuture::isDone);
        assertThat(sent).hasSize(5);
        assertThat(dispatcher.queuedMessages()).isZero();
    }

    /** An attachment stream that counts how often it was closed. */
    private static final class CountingStream extends ByteArrayInputStream {
        private final AtomicInteger closed = new AtomicInteger();

        CountingStream() {
            super(new byte[1]);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
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
