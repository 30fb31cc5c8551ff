package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChangeFeedTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService handlers = Executors.newFixedThreadPool(2);
    private final ChangeFeed feed = new ChangeFeed();
    private final List<Long> answers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
        handlers.shutdownNow();
    }

    @Test
    void aWaitWithoutChangeIsAnsweredOnceWithTheSameVersionWhenItTimesOut() {
        feed.answerOn(timers, handlers);

        feed.await(0, Duration.ofMillis(50), answers::add);

        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 1);
        assertThat(answers).containsExactly(0L);
        assertThat(feed.waiting()).isZero();
        feed.changed(); // the timer answered and forgot it: a later change answers nobody twice
        assertThat(answers).containsExactly(0L);
    }

    @Test
    void everyWaitingPageIsAnsweredByOneChangeAndOnlyOnce() {
        feed.answerOn(timers, handlers);
        feed.await(0, Duration.ofMinutes(1), answers::add);
        feed.await(0, Duration.ofMinutes(1), answers::add);
        assertThat(feed.waiting()).isEqualTo(2);

        feed.changed();
        feed.changed();

        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 2);
        assertThat(answers).allSatisfy(version -> assertThat(version).isPositive());
        assertThat(feed.waiting()).isZero();
    }

    @Test
    void aWaitBehindTheCounterOrBeforeStartIsAnsweredAtOnce() {
        feed.changed();
        feed.await(0, Duration.ofMinutes(1), answers::add); // not started: nobody could answer later
        feed.answerOn(timers, handlers);
        feed.await(0, Duration.ofMinutes(1), answers::add);

        assertThat(answers).containsExactly(1L, 1L);
        assertThat(feed.waiting()).isZero();
    }
}
