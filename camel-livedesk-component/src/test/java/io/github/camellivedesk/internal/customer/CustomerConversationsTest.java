package io.github.camellivedesk.internal.customer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.apache.camel.spi.StateRepository;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.internal.ContactPage;
import io.github.camellivedesk.internal.CustomerConversation;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.model.ContactInbox;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding or creating a customer's conversation, against answers the test gives: one look-up per customer at a time,
 * nothing asked for a customer remembered, a duplicate found by exact match, the newest unresolved conversation in
 * the inbox reused, a failure not remembered, the memory bounded, a StateRepository read and written.
 */
class CustomerConversationsTest {

    private static final String ACCOUNT = "http://livedesk.test";
    private static final long INBOX = 79;

    /** Every request the look-ups made, in order, with the answer the test completes. */
    private final List<LiveDeskRequest> requests = new ArrayList<>();
    private final List<CompletableFuture<LiveDeskResponse>> answers = new ArrayList<>();
    private final Function<LiveDeskRequest, CompletableFuture<LiveDeskResponse>> calls = request -> {
        requests.add(request);
        CompletableFuture<LiveDeskResponse> answer = new CompletableFuture<>();
        answers.add(answer);
        return answer;
    };

    @Test
    void aNewCustomerIsOneContactAndOneConversationAndThenCostsNothing() {
        CustomerConversations customers = new CustomerConversations(10, null);

        CompletableFuture<CustomerConversations.Found> first = customers.conversationOf(byPhone("+4915100000001"),
                ACCOUNT, calls);
        CompletableFuture<CustomerConversations.Found> meanwhile = customers
                .conversationOf(byPhone("+4915100000001"), ACCOUNT, calls);
        answer(0, contact(7, null, "+4915100000001", null));
        answer(1, conversation(141, INBOX, "open"));

        assertThat(meanwhile).isSameAs(first);
        assertThat(first.join()).isEqualTo(new CustomerConversations.Found(new CustomerConversation("141", 7), false));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0)).isInstanceOf(LiveDeskRequest.CreateContact.class);
        assertThat(((LiveDeskRequest.CreateConversation) requests.get(1)).contactId().value()).isEqualTo(7L);
        assertThat(customers.conversationOf(byPhone("+4915100000001"), ACCOUNT, calls).join())
                .isEqualTo(new CustomerConversations.Found(new CustomerConversation("141", 7), true));
        assertThat(requests).as("remembered: no request").hasSize(2);
        assertThat(customers.remembered()).isEqualTo(1);
    }

    @Test
    void theSameNumberInAnotherAccountOrInboxIsAnotherCustomer() {
        CustomerConversations customers = new CustomerConversations(10, null);
        remember(customers, byPhone("+4915100000001"), 141, 7);
        requests.clear();

        customers.conversationOf(byPhone("+4915100000001"), "http://other.test", calls);
        customers.conversationOf(customer(80, null, "+4915100000001", null), ACCOUNT, calls);

        assertThat(requests).hasSize(2).allSatisfy(
                request -> assertThat(request).isInstanceOf(LiveDeskRequest.CreateContact.class));
    }

    @Test
    void aDuplicateIsFoundByExactMatchAndItsNewestUnresolvedConversationInTheInboxReused() {
        CustomerConversations customers = new CustomerConversations(10, null);

        CompletableFuture<CustomerConversations.Found> found = customers
                .conversationOf(customer(INBOX, "c-1", "+4915100000001", null), ACCOUNT, calls);
        answers.get(0).completeExceptionally(duplicate());
        // the identifier first: a longer identifier that contains it is not the customer
        answer(1, new ContactPage(List.of(contact(3, "c-10", null, null)), 1));
        // then the phone number, on its second page
        answer(2, new ContactPage(nonMatching(15), 16));
        answer(3, new ContactPage(List.of(contact(9, null, "+4915100000001", null)), 16));
        answer(4, List.of(conversation(150, INBOX, "resolved"), conversation(151, 80, "open"),
                conversation(148, INBOX, "pending"), conversation(149, INBOX, "snoozed")));

        assertThat(found.join().conversation()).isEqualTo(new CustomerConversation("149", 9));
        assertThat(requests).extracting(CustomerConversationsTest::describe).containsExactly("contact",
                "search c-1 page 1", "search +4915100000001 page 1", "search +4915100000001 page 2",
                "conversations of 9");
    }

    @Test
    void aDuplicateWithoutAConversationToReuseGetsANewOne() {
        CustomerConversations customers = new CustomerConversations(10, null);

        CompletableFuture<CustomerConversations.Found> found = customers
                .conversationOf(customer(INBOX, null, null, "Ana@Example.com"), ACCOUNT, calls);
        answers.get(0).completeExceptionally(duplicate());
        answer(1, new ContactPage(List.of(contact(4, null, null, "ana@example.com")), 1));
        answer(2, List.of(conversation(150, INBOX, "resolved")));
        answer(3, conversation(152, INBOX, "open"));

        assertThat(found.join().conversation()).isEqualTo(new CustomerConversation("152", 4));
        assertThat(describe(requests.get(3))).isEqualTo("conversation with 4");
    }

    @Test
    void aDuplicateNoSearchFindsFailsWithTheRefusal() {
        CustomerConversations customers = new CustomerConversations(10, null);
        LiveDeskHttpException refusal = duplicate();

        CompletableFuture<CustomerConversations.Found> found = customers
                .conversationOf(customer(INBOX, null, "+4915100000001", "ana@example.com"), ACCOUNT, calls);
        answers.get(0).completeExceptionally(refusal);
        answer(1, new ContactPage(List.of(), 0));
        answer(2, new ContactPage(List.of(contact(4, null, null, "bob@example.com")), 1));

        assertThat(found).isCompletedExceptionally();
        assertThat(found.handle((ok, failure) -> failure).join()).isSameAs(refusal);
    }

    @Test
    void aFailedLookUpIsNotRememberedAndTheNextOneAsksAgain() {
        CustomerConversations customers = new CustomerConversations(10, null);

        CompletableFuture<CustomerConversations.Found> failed = customers.conversationOf(byPhone("+4915100000001"),
                ACCOUNT, calls);
        answers.get(0).completeExceptionally(new LiveDeskHttpException(503, "Service Unavailable", "down", "", null));
        customers.conversationOf(byPhone("+4915100000001"), ACCOUNT, calls);

        assertThat(failed).isCompletedExceptionally();
        assertThat(requests).hasSize(2);
        assertThat(customers.remembered()).isZero();
    }

    @Test
    void theMemoryKeepsTheMostRecentlyUsedCustomers() {
        CustomerConversations customers = new CustomerConversations(2, null);
        remember(customers, byPhone("+4915100000001"), 141, 1);
        remember(customers, byPhone("+4915100000002"), 142, 2);
        // used again: the most recent
        customers.conversationOf(byPhone("+4915100000001"), ACCOUNT, calls).join();
        remember(customers, byPhone("+4915100000003"), 143, 3);
        int before = requests.size();

        customers.conversationOf(byPhone("+4915100000001"), ACCOUNT, calls).join();
        customers.conversationOf(byPhone("+4915100000002"), ACCOUNT, calls);

        assertThat(requests.size() - before).as("only the least recently used was dropped").isEqualTo(1);
        assertThat(customers.remembered()).isEqualTo(2);
    }

    @Test
    void aStateRepositoryIsWrittenReadAndAStaleConversationForgottenThereToo() {
        MapStateRepository states = new MapStateRepository();
        remember(new CustomerConversations(10, states), byPhone("+4915100000001"), 141, 7);
        assertThat(states.values).containsValue("141/7");
        requests.clear();
        answers.clear();

        CustomerConversations restarted = new CustomerConversations(10, states);
        CustomerConversations.Found found = restarted.conversationOf(byPhone("+4915100000001"), ACCOUNT, calls)
                .join();
        assertThat(found).isEqualTo(new CustomerConversations.Found(new CustomerConversation("141", 7), true));
        assertThat(requests).isEmpty();

        CompletableFuture<CustomerConversations.Found> again = restarted.conversationAgain(
                byPhone("+4915100000001"), ACCOUNT, found, calls);
        assertThat(states.values).containsValue("");
        answer(0, contact(7, null, "+4915100000001", null));
        answer(1, conversation(160, INBOX, "open"));
        assertThat(again.join()).isEqualTo(new CustomerConversations.Found(new CustomerConversation("160", 7), false));
        assertThat(states.values).containsValue("160/7");
    }

    @Test
    void aStaleConversationAnotherMessageHealedAlreadyIsNotForgotten() {
        CustomerConversations customers = new CustomerConversations(10, null);
        remember(customers, byPhone("+4915100000001"), 141, 7);
        CustomerConversations.Found stale = new CustomerConversations.Found(new CustomerConversation("140", 7), true);
        requests.clear();

        CustomerConversations.Found found = customers.conversationAgain(byPhone("+4915100000001"), ACCOUNT, stale,
                calls).join();

        assertThat(found.conversation().conversationId()).isEqualTo("141");
        assertThat(requests).isEmpty();
    }

    @Test
    void aValueTheComponentDidNotWriteIsIgnored() {
        MapStateRepository states = new MapStateRepository();
        CustomerConversations customers = new CustomerConversations(10, states);
        remember(customers, byPhone("+4915100000001"), 141, 7);
        states.values.replaceAll((key, value) -> "not a mapping");
        requests.clear();

        new CustomerConversations(10, states).conversationOf(byPhone("+4915100000001"), ACCOUNT, calls);

        assertThat(requests).hasSize(1).first().isInstanceOf(LiveDeskRequest.CreateContact.class);
    }

    @Test
    void aFailureOtherThanADuplicateIsTheLookUpsFailure() {
        CustomerConversations customers = new CustomerConversations(10, null);
        LiveDeskHttpException down = new LiveDeskHttpException(503, "Service Unavailable", "down", "", null);

        CompletableFuture<CustomerConversations.Found> found = customers.conversationOf(byPhone("+4915100000001"),
                ACCOUNT, calls);
        answers.get(0).completeExceptionally(down);

        assertThat(found.handle((ok, failure) -> failure).join()).isSameAs(down);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aSearchStopsAtTheLastPageTheCountAnnounces() {
        CustomerConversations customers = new CustomerConversations(10, null);
        LiveDeskHttpException refusal = duplicate();

        CompletableFuture<CustomerConversations.Found> found = customers
                .conversationOf(byPhone("+4915100000001"), ACCOUNT, calls);
        answers.get(0).completeExceptionally(refusal);
        // 2 contacts on page 1 of 2 in all: there is no page 2
        answer(1, new ContactPage(nonMatching(2), 2));

        assertThat(found.handle((ok, failure) -> failure).join()).isSameAs(refusal);
        assertThat(requests).extracting(CustomerConversationsTest::describe).containsExactly("contact",
                "search +4915100000001 page 1");
    }

    @Test
    void aSearchReadsAtMost20Pages() {
        CustomerConversations customers = new CustomerConversations(10, null);
        LiveDeskHttpException refusal = duplicate();

        CompletableFuture<CustomerConversations.Found> found = customers
                .conversationOf(byPhone("+4915100000001"), ACCOUNT, calls);
        answers.get(0).completeExceptionally(refusal);
        // every page has one more contact that is not the customer, of 1000 in all
        for (int page = 1; page <= 25 && !found.isDone(); page++) {
            answer(page, new ContactPage(nonMatching(1), 1000));
        }

        assertThat(found.handle((ok, failure) -> failure).join()).isSameAs(refusal);
        assertThat(requests).hasSize(21);
        assertThat(describe(requests.get(20))).isEqualTo("search +4915100000001 page 20");
    }

    @Test
    void aConversationAnotherLookUpStoredBetweenTheTwoRecallsIsAnsweredWithoutAsking() {
        // the first read finds nothing, the second finds what another look-up (or process) wrote meanwhile
        MapStateRepository states = new MapStateRepository() {
            private int reads;

            @Override
            public String getState(String key) {
                return reads++ == 0 ? null : "141/7";
            }
        };
        CustomerConversations customers = new CustomerConversations(10, states);

        CompletableFuture<CustomerConversations.Found> found = customers.conversationOf(byPhone("+4915100000001"),
                ACCOUNT, calls);

        assertThat(found).isCompletedWithValue(
                new CustomerConversations.Found(new CustomerConversation("141", 7), true));
        assertThat(requests).isEmpty();
        assertThat(customers.remembered()).isEqualTo(1);
    }

    @Test
    void aCustomerReadFromTheRepositoryIsAnsweredAndHeldInMemory() {
        MapStateRepository states = new MapStateRepository();
        states.values.put("k", "141/7");
        CustomerMemory memory = new CustomerMemory(10, states);

        assertThat(memory.recall("k")).contains(new CustomerConversation("141", 7));
        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.recall("unknown")).as("nothing stored: neither answered nor held").isEmpty();
        assertThat(memory.size()).isEqualTo(1);
        states.values.clear();
        assertThat(memory.recall("k")).as("held in memory now").contains(new CustomerConversation("141", 7));
    }

    // ---- helpers

    private void remember(CustomerConversations customers, LiveDeskRequest.CreateContact customer, long conversation,
            long contact) {
        int first = answers.size();
        CompletableFuture<CustomerConversations.Found> found = customers.conversationOf(customer, ACCOUNT, calls);
        answer(first, contact(contact, null, customer.phoneNumber().value(), null));
        answer(first + 1, conversation(conversation, INBOX, "open"));
        found.join();
    }

    private void answer(int index, Object answer) {
        answers.get(index).complete(new LiveDeskResponse(200, answer));
    }

    private static LiveDeskRequest.CreateContact byPhone(String phone) {
        return customer(INBOX, null, phone, null);
    }

    private static LiveDeskRequest.CreateContact customer(long inbox, String identifier, String phone, String email) {
        return new LiveDeskRequest.CreateContact(new Resolved<>(inbox, "option"), new Resolved<>(null, "header"),
                new Resolved<>(email, "header"), new Resolved<>(phone, "header"), new Resolved<>(null, "header"),
                new Resolved<>(identifier, "header"));
    }

    private static LiveDeskContact contact(long id, String identifier, String phone, String email) {
        return new LiveDeskContact(id, null, email, phone, identifier, null, List.<ContactInbox>of());
    }

    private static List<LiveDeskContact> nonMatching(int count) {
        List<LiveDeskContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(contact(100 + i, null, "+49151000000010" + i, null));
        }
        return contacts;
    }

    private static LiveDeskConversation conversation(long id, long inbox, String status) {
        return new LiveDeskConversation(id, inbox, status, null, null, null, null);
    }

    private static LiveDeskHttpException duplicate() {
        return new LiveDeskHttpException(422, "Unprocessable Entity", "Phone number has already been taken", "",
                Duration.ZERO);
    }

    private static String describe(LiveDeskRequest request) {
        if (request instanceof LiveDeskRequest.SearchContacts search) {
            return "search " + search.query() + " page " + search.page();
        }
        if (request instanceof LiveDeskRequest.ContactConversations list) {
            return "conversations of " + list.contactId();
        }
        if (request instanceof LiveDeskRequest.CreateConversation conversation) {
            return "conversation with " + conversation.contactId().value();
        }
        return "contact";
    }
}
