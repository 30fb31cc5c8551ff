package io.github.camellivedesk.internal.dispatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationSequencerTest {

    private final ConversationSequencer sequencer = new ConversationSequencer(
            () -> new IllegalStateException("closed"));

    /** Tasks whose completion the test controls; records the order they started in. */
    private final List<String> started = new ArrayList<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    private CompletableFuture<String> submit(String conversationId, String name) {
        return sequencer.submit(conversationId, () -> {
            started.add(name);
            CompletableFuture<String> answer = new CompletableFuture<>();
            pending.put(name, answer);
            return answer;
        });
    }

    @Test
    void aConversationsTasksRunOneAfterAnotherInSubmissionOrder() {
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            results.add(submit("c1", "m" + i));
        }
        // submit returned at once for every task: nobody blocked waiting for m1
        assertThat(started).containsExactly("m1");
        assertThat(sequencer.waiting()).isEqualTo(4);

        for (int i = 1; i <= 5; i++) {
            pending.get("m" + i).complete("answer " + i);
            assertThat(results.get(i - 1)).isCompletedWithValue("answer " + i);
            assertThat(started).as("after m%d completed", i).hasSize(Math.min(i + 1, 5));
        }
        assertThat(started).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(sequencer.activeConversations()).isZero();
        assertThat(sequencer.waiting()).isZero();
    }

    @Test
    void differentConversationsRunConcurrently() {
        submit("c1", "a1");
        submit("c2", "b1");
        submit("c1", "a2");
        submit("c3", "c1");
        assertThat(started).containsExactly("a1", "b1", "c1");
        assertThat(sequencer.activeConversations()).isEqualTo(3);

        pending.get("b1").complete("ok");
        assertThat(started).containsExactly("a1", "b1", "c1");
        pending.get("a1").complete("ok");
        assertThat(started).containsExactly("a1", "b1", "c1", "a2");
    }

    @Test
    void aFailedTaskEndsItsTurnAndTheNextOneGoesOn() {
        CompletableFuture<String> first = submit("c1", "m1");
        CompletableFuture<String> second = submit("c1", "m2");
        IllegalStateException failure = new IllegalStateException("LiveDesk said no");

        pending.get("m1").completeExceptionally(failure);

        assertThat(first).isCompletedExceptionally();
        assertThatThrownBy(first::join).hasCause(failure);
        assertThat(started).containsExactly("m1", "m2");
        pending.get("m2").complete("sent");
        assertThat(second).isCompletedWithValue("sent");
    }

    @Test
    void aTaskThatThrowsFailsItsOwnFutureOnly() {
        CompletableFuture<String> blocker = submit("c1", "m1");
        RuntimeException thrown = new RuntimeException("mapping exploded");
        CompletableFuture<String> throwing = sequencer.submit("c1", () -> {
            throw thrown;
        });
        CompletableFuture<String> returnsNull = sequencer.submit("c1", () -> null);
        CompletableFuture<String> after = submit("c1", "m4");

        pending.get("m1").complete("ok");

        assertThat(blocker).isCompletedWithValue("ok");
        assertThatThrownBy(throwing::join).hasCause(thrown);
        assertThatThrownBy(returnsNull::join).hasCauseInstanceOf(NullPointerException.class);
        assertThat(started).containsExactly("m1", "m4");
        pending.get("m4").complete("ok");
        assertThat(after).isCompletedWithValue("ok");
        assertThat(sequencer.activeConversations()).isZero();
    }

    @Test
    void aFailureWrappedByTheTasksOwnStagesReachesTheCallerUnwrapped() {
        IllegalArgumentException cause = new IllegalArgumentException("bad");
        CompletableFuture<Object> result = sequencer.submit("c1",
                () -> CompletableFuture.completedFuture("x").thenApply(x -> {
                    throw cause;
                }));
        assertThatThrownBy(result::join).hasCause(cause);
    }

    @Test
    void idleConversationsLeaveNothingBehind() {
        for (int i = 0; i < 1_000_000; i++) {
            sequencer.submit("conversation-" + i, () -> CompletableFuture.completedFuture(null));
        }
        assertThat(sequencer.activeConversations()).isZero();

        // and the same once tasks complete later, from another "thread" of events
        List<CompletableFuture<String>> later = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            later.add(answer);
            sequencer.submit("conversation-" + i, () -> answer);
            sequencer.submit("conversation-" + i, () -> CompletableFuture.completedFuture("second"));
        }
        assertThat(sequencer.activeConversations()).isEqualTo(10_000);
        assertThat(sequencer.waiting()).isEqualTo(10_000);
        later.forEach(answer -> answer.complete("first"));
        assertThat(sequencer.activeConversations()).isZero();
        assertThat(sequencer.waiting()).isZero();
    }

    @Test
    void aLongQueueOfTasksThatCompleteAtOnceRunsWithoutDeepRecursion() {
        CompletableFuture<String> first = submit("c1", "m0");
        int queuedBehind = 100_000;
        AtomicInteger ran = new AtomicInteger();
        CompletableFuture<Integer> last = null;
        for (int i = 0; i < queuedBehind; i++) {
            last = sequencer.submit("c1", () -> CompletableFuture.completedFuture(ran.incrementAndGet()));
        }
        pending.get("m0").complete("go");

        assertThat(first).isCompletedWithValue("go");
        assertThat(ran).hasValue(queuedBehind);
        assertThat(last).isCompletedWithValue(queuedBehind);
        assertThat(sequencer.activeConversations()).isZero();
    }

    @Test
    void closeFailsTheWaitingTasksAndLaterOnesButLetsTheRunningOneFinish() {
        CompletableFuture<String> running = submit("c1", "m1");
        CompletableFuture<String> waiting = submit("c1", "m2");

        sequencer.close();

        assertThatThrownBy(waiting::join).hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        CompletableFuture<String> afterClose = submit("c2", "m3");
        assertThatThrownBy(afterClose::join).hasMessageContaining("closed");
        assertThat(running).isNotDone();
        pending.get("m1").complete("answered");
        assertThat(running).isCompletedWithValue("answered");
        assertThat(started).containsExactly("m1");
        assertThat(sequencer.activeConversations()).isZero();
        assertThat(sequencer.waiting()).isZero();
    }

    @Test
    void underConcurrencyNoConversationEverHasTwoTasksRunningAndEachSubmittersOrderHolds() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        int conversations = 8;
        ScheduledExecutorService completions = Executors.newScheduledThreadPool(3);
        ExecutorService submitters = Executors.newFixedThreadPool(threads);
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        Map<String, List<String>> startOrder = new ConcurrentHashMap<>();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        CountDownLatch allDone = new CountDownLatch(threads * perThread);
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                submitters.execute(() -> {
                    Random random = new Random(thread);
                    for (int i = 0; i < perThread; i++) {
                        String conversation = "c" + random.nextInt(conversations);
                        String name = thread + ":" + i;
                        int delayMicros = random.nextInt(200);
                        boolean fail = random.nextInt(10) == 0;
                        sequencer.submit(conversation, () -> {
                            if (running.computeIfAbsent(conversation, c -> new AtomicInteger()).incrementAndGet() > 1) {
                                overlaps.add(conversation + " " + name);
                            }
                            startOrder
                                    .computeIfAbsent(conversation, c -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(name);
                            CompletableFuture<String> answer = new CompletableFuture<>();
                            completions.schedule(() -> {
                                running.get(conversation).decrementAndGet();
                                if (fail) {
                                    answer.completeExceptionally(new IllegalStateException("failed " + name));
                                } else {
                                    answer.complete(name);
                                }
                            }, delayMicros, TimeUnit.MICROSECONDS);
                            return answer;
                        }).whenComplete((value, failure) -> allDone.countDown());
                    }
                });
            }
            assertThat(allDone.await(60, TimeUnit.SECONDS)).as("every task completed").isTrue();
        } finally {
            submitters.shutdownNow();
            completions.shutdownNow();
        }
        assertThat(overlaps).as("tasks of one conversation running at the same time").isEmpty();
        for (List<String> order : startOrder.values()) {
            for (int thread = 0; thread < threads; thread++) {
                String prefix = thread + ":";
                List<Integer> sequence = order.stream().filter(name -> name.startsWith(prefix))
                        .map(name -> Integer.parseInt(name.substring(prefix.length()))).toList();
                assertThat(sequence).as("thread %d's tasks in one conversation", thread).isSorted();
            }
        }
        assertThat(sequencer.activeConversations()).isZero();
        assertThat(sequencer.waiting()).isZero();
    }
}
