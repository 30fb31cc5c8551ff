package io.github.camellivedesk.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.simulator.RecordedRequest;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** How the customers scenario counts what the simulator saw; the run itself is made with -Pbench. */
class CustomersCountTest {

    private final CustomersScenario scenario = new CustomersScenario(6, 2, 2, 0, 1);
    private final CustomersCount counter = new CustomersCount(scenario);
    private final List<RecordedRequest> requests = new ArrayList<>();
    private long nextMessage = 1;

    private void request(String method, String path, int status) {
        requests.add(new RecordedRequest(method, path, Map.of(), "application/json", 0, null, Instant.EPOCH, status));
    }

    private StoredMessage message(long conversation, int customer, int sequence) {
        long id = nextMessage++;
        return new StoredMessage(id, conversation, "order " + customer + " " + sequence, false, null, "outgoing",
                "sent", null, null, List.of(), Instant.EPOCH, id, Map.of(), 0);
    }

    @Test
    void aCleanRoundByCustomerCountsEachCreationOnceAndNothingElse() {
        String first = CustomersScenario.phoneNumber(CustomersScenario.MEASURED_ROUND, 0);
        String second = CustomersScenario.phoneNumber(CustomersScenario.MEASURED_ROUND, 1);
        for (int i = 0; i < 2; i++) {
            request("POST", "/api/v2/accounts/contacts", 200);
            request("POST", "/api/v2/accounts/conversations", 200);
        }
        for (int i = 0; i < 6; i++) {
            request("POST", "/api/v2/accounts/conversations/" + (1 + i % 2) + "/messages", 200);
        }
        List<StoredMessage> a = List.of(message(1, 0, 0), message(1, 0, 1), message(1, 0, 2));
        List<StoredMessage> b = List.of(message(2, 1, 0), message(2, 1, 1), message(2, 1, 2));

        CustomersCount.Result result = counter.count(CustomersRunner.BY_CUSTOMER, 0.5, 0, true, requests,
                List.of(first, second),
                List.of(new CustomersCount.Stored(1, first, a), new CustomersCount.Stored(2, second, b)));

        assertThat(result).extracting(CustomersCount.Result::contacts, CustomersCount.Result::conversations,
                CustomersCount.Result::messageRequests, CustomersCount.Result::otherRequests,
                CustomersCount.Result::duplicates, CustomersCount.Result::inversions, CustomersCount.Result::lost,
                CustomersCount.Result::twice, CustomersCount.Result::misrouted)
                .containsExactly(2L, 2L, 6L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(result.meetsTargets()).isTrue();
        assertThat(result.messagesPerSecond()).isEqualTo(12.0);
        assertThat(result.row(""))
                .isEqualTo("| phone number + inbox | 0.50 s | 12 | 2 | 2 | 6 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |");
    }

    @Test
    void countsASecondConversationAnInversionASearchAndAMessageInTheWrongConversation() {
        String first = CustomersScenario.phoneNumber(CustomersScenario.MEASURED_ROUND, 0);
        String second = CustomersScenario.phoneNumber(CustomersScenario.MEASURED_ROUND, 1);
        request("POST", "/api/v2/accounts/contacts", 200);
        request("POST", "/api/v2/accounts/contacts", 422);
        request("GET", "/api/v2/accounts/contacts/search?q=%2B49179000000&page=1", 200);
        // customer 0 has two conversations; its 2 came before its 1; customer 1's 2 went to customer 0's conversation;
        // customer 1's 0 never arrived and its 1 arrived twice
        List<StoredMessage> b = List.of(message(2, 1, 1), message(2, 1, 1));
        List<StoredMessage> a = List.of(message(1, 0, 0), message(1, 0, 2), message(1, 1, 2));
        List<StoredMessage> a2 = List.of(message(3, 0, 1));

        CustomersCount.Result result = counter.count(CustomersRunner.BY_CUSTOMER, 1.0, 1, true, requests,
                List.of(first, second), List.of(new CustomersCount.Stored(1, first, a),
                        new CustomersCount.Stored(2, second, b), new CustomersCount.Stored(3, first, a2)));

        assertThat(result.contacts()).isEqualTo(1);
        assertThat(result.otherRequests()).as("the refused create and the search").isEqualTo(2);
        assertThat(result.duplicates()).as("customer 0's second conversation").isEqualTo(1);
        assertThat(result.inversions()).as("customer 0's 1 after its 2").isEqualTo(1);
        assertThat(result.misrouted()).as("customer 1's 2 in customer 0's conversation").isEqualTo(1);
        assertThat(result.lost()).as("customer 1's 0").isEqualTo(1);
        assertThat(result.twice()).isEqualTo(1);
        assertThat(result.meetsTargets()).isFalse();
    }

    @Test
    void byConversationTheMessagesGoToTheConversationsCreatedBeforehand() {
        long first = CustomersScenario.conversationOf(0);
        long second = CustomersScenario.conversationOf(1);
        for (int i = 0; i < 6; i++) {
            request("POST", "/api/v2/accounts/conversations/" + (i % 2 == 0 ? first : second) + "/messages", 200);
        }
        List<StoredMessage> a = List.of(message(first, 0, 0), message(first, 0, 1), message(first, 0, 2));
        List<StoredMessage> b = List.of(message(second, 1, 0), message(second, 1, 1), message(second, 1, 2));

        CustomersCount.Result result = counter.count(CustomersRunner.BY_CONVERSATION, 0.25, 0, true, requests,
                List.of(),
                List.of(new CustomersCount.Stored(first, null, a), new CustomersCount.Stored(second, null, b)));

        assertThat(result.meetsTargets()).as(result.row("")).isTrue();
        assertThat(result.row("run 1: ")).startsWith("| run 1: conversation id | 0.25 s | 24 | 0 | 0 | 6 |");
    }

    @Test
    void theTableGivesTheRatioOfTheModesAndTheTargets() {
        CustomersCount.Result byCustomer = new CustomersCount.Result(CustomersRunner.BY_CUSTOMER, 6, 2, 0.5, true, 0,
                2, 2, 6, 0, 0, 0, 0, 0, 0);
        CustomersCount.Result byConversation = new CustomersCount.Result(CustomersRunner.BY_CONVERSATION, 6, 2, 0.25,
                true, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0);

        String table = scenario.table(List.<CustomersCount.Result[]>of(
                new CustomersCount.Result[]{ byCustomer, byConversation }));

        assertThat(table).contains("By phone number / by conversation id, messages/s: 0.50x.")
                .contains("exactly 2 contact and 2 conversation creations, 6 messages and no other request: met; "
                        + "duplicates 0: met; order inversions 0: met; none lost, stored twice or misrouted, no "
                        + "exchange failed: met.");
    }
}
