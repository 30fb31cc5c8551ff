package io.github.camellivedesk.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** How the burst scenario counts what the simulator stored; the run itself is made with -Pbench. */
class BurstScenarioTest {

    private final BurstScenario scenario = new BurstScenario(6, 2, 100, 10);
    private final List<StoredMessage> stored = new ArrayList<>();

    private void store(long conversation, int sequence) {
        stored.add(new StoredMessage(stored.size() + 1, conversation, "burst " + conversation + " " + sequence, false,
                null,
                "outgoing", "sent", null, null, List.of(), Instant.EPOCH, stored.size() + 1, Map.of(), 0));
    }

    @Test
    void theIssuesBurstTakesThirtySecondsAtLeast() {
        assertThat(BurstScenario.issue14().minimumSeconds()).isEqualTo(30.0);
        // 30 conversations of 100 messages at 10/s each would take 10 s: the client-wide limit binds
        assertThat(new BurstScenario(3000, 3, 100, 10).minimumSeconds()).isEqualTo(100.0);
    }

    @Test
    void countsMessagesStoredAfterALaterOneOfTheirConversationLostAndTwice() {
        store(1001, 0);
        store(1002, 1);
        store(1002, 0);
        store(1001, 2);
        store(1001, 1);
        store(1001, 1);

        BurstScenario.Result result = scenario.count("off", 0.5, 1, true, 7, stored);

        assertThat(result.outOfOrder()).as("1002's 0 after its 1, 1001's 1 after its 2").isEqualTo(2);
        assertThat(result.lost()).as("1002's 2 never stored").isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.throttled()).isEqualTo(7);
        assertThat(result.row()).isEqualTo("| off | 0.5 s | 1.67x | 7 | 2 | 1 | 1 | 1 |");
    }

    @Test
    void anOrderedCompleteRunCountsNothing() {
        for (int sequence = 0; sequence < 3; sequence++) {
            store(1001, sequence);
            store(1002, sequence);
        }
        BurstScenario.Result result = scenario.count("on", 0.6, 0, true, 0, stored);

        assertThat(result.outOfOrder()).isZero();
        assertThat(result.lost()).isZero();
        assertThat(result.duplicates()).isZero();
        assertThat(BenchmarkHarness.burstTable(scenario, List.of(result)))
                .contains("no 429: met; none out of order: met; none lost: met");
    }
}
