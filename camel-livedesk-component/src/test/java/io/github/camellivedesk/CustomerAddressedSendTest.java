package io.github.camellivedesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.internal.customer.MapStateRepository;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.RecordedRequest;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * send and template addressed to a customer (phone number, email or identifier, and an inbox) instead of a
 * conversation id, through routes against the simulator: one contact and one conversation per customer however many
 * messages arrive at once, order per customer, nothing asked again for a customer remembered, a customer LiveDesk
 * knows found rather than duplicated, a stale conversation healed once, and two instances that share customers.
 */
class CustomerAddressedSendTest extends LiveDeskTestSupport {

    private static final long INBOX = 79;
    private static final String TO_CUSTOMERS = "livedesk:send?inboxId=" + INBOX;

    @Test
    void messagesToANewCustomerArrivingAtOnceMakeOneContactAndOneConversationAndKeepTheirOrder() throws Exception {
        AsyncProducer producer = context.getEndpoint(TO_CUSTOMERS).createAsyncProducer();
        producer.start();
        int messages = 20;
        CountDownLatch answered = new CountDownLatch(messages);
        List<Exchange> exchanges = new ArrayList<>();
        // submitted one after the other from one thread, all before LiveDesk has answered the first look-up
        for (int i = 0; i < messages; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("update " + i);
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915100000010");
            exchanges.add(exchange);
            producer.process(exchange, done -> answered.countDown());
        }
        assertThat(answered.await(30, TimeUnit.SECONDS)).as("all answered").isTrue();
        producer.stop();

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        SimulatedContact contact = onlyContact("+4915100000010");
        SimulatedConversation conversation = onlyConversationOf(contact);
        assertThat(conversation.messages()).extracting(StoredMessage::content)
                .containsExactlyElementsOf(numbered("update ", messages));
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID))
                    .isEqualTo(Long.toString(conversation.id()));
            assertThat(exchange.getMessage().getHeader(LiveDeskConstants.CONTACT_ID)).isEqualTo(contact.id());
        });
        // one look-up: the contact and the conversation, then only the messages
        assertThat(apiRequestsSince(0)).extracting(RecordedRequest::path)
                .filteredOn(path -> !path.endsWith("/messages"))
                .containsExactly("/api/v2/accounts/contacts", "/api/v2/accounts/conversations");
    }

    @Test
    void withoutOrderAGroupOfMessagesToANewCustomerStillLooksItUpOnce() throws Exception {
        AsyncProducer producer = context.getEndpoint(TO_CUSTOMERS + "&preserveOrder=false").createAsyncProducer();
        producer.start();
        CountDownLatch answered = new CountDownLatch(20);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody("unordered " + i);
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915100000011");
            exchanges.add(exchange);
            producer.process(exchange, done -> answered.countDown());
        }
        assertThat(answered.await(30, TimeUnit.SECONDS)).as("all answered").isTrue();
        producer.stop();

        assertThat(exchanges).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(onlyConversationOf(onlyContact("+4915100000011")).messages()).hasSize(20);
        assertThat(apiRequestsSince(0)).extracting(RecordedRequest::path)
                .filteredOn(path -> !path.endsWith("/messages"))
                .containsExactly("/api/v2/accounts/contacts", "/api/v2/accounts/conversations");
    }

    @Test
    void manyThreadsSendingToFewCustomersMakeOneContactAndConversationEach() throws Exception {
        String start = route(TO_CUSTOMERS);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String customer = "customer-" + (i % 8);
                String text = "message " + i;
                sent.add(threads.submit(() -> template.request(start, exchange -> {
                    exchange.getMessage().setBody(text);
                    exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_IDENTIFIER, customer);
                })));
            }
            for (Future<Exchange> exchange : sent) {
                assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(simulator().contacts()).hasSize(8);
        assertThat(customerConversations()).hasSize(8).allSatisfy(
                conversation -> assertThat(conversation.messages()).hasSize(8));
    }

    @Test
    void aRememberedCustomerCostsNoRequestAndTheRouteCanGoOnInItsConversation() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:notify").to(TO_CUSTOMERS)
                        // the answer's conversation id: the next call goes to the same conversation
                        .setBody(constant("closing the ticket")).to("livedesk:send?privateMessage=true")
                        .to("livedesk:status?status=resolved");
            }
        });
        template.request("direct:notify", customerEmail("First", "Ana@Example.com"));
        int before = simulator().requestCount();

        Exchange second = template.request("direct:notify", customerEmail("Second", "ana@example.com"));

        assertThat(second.getException()).isNull();
        // the message, the private note and the status change: nothing to find the customer (the email's case
        // does not make another customer)
        assertThat(simulator().requestCount() - before).isEqualTo(3);
        assertThat(simulator().contacts()).hasSize(1);
        assertThat(customerConversations()).hasSize(1);
    }

    @Test
    void aCustomerLiveDeskKnowsIsFoundAfterARestartAndItsOpenConversationReused() throws Exception {
        assertThat(send(TO_CUSTOMERS, "before the restart", phone("+4915100000020")).getException()).isNull();
        long conversation = onlyConversationOf(onlyContact("+4915100000020")).id();
        restartCamel(component -> {
        });
        int mark = simulator().requests().size();

        Exchange after = send(TO_CUSTOMERS, "after the restart", phone("+4915100000020"));

        assertThat(after.getException()).isNull();
        assertThat(after.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID))
                .isEqualTo(Long.toString(conversation));
        assertThat(simulator().contacts()).hasSize(1);
        assertThat(simulator().conversation(conversation).messages()).extracting(StoredMessage::content)
                .containsExactly("before the restart", "after the restart");
        assertThat(apiRequestsSince(mark)).extracting(request -> request.method() + " " + request.path())
                .containsExactly(
                        "POST /api/v2/accounts/contacts",
                        "GET /api/v2/accounts/contacts/search?q=%2B4915100000020&page=1",
                        "GET /api/v2/accounts/contacts/" + onlyContact("+4915100000020").id() + "/conversations",
                        "POST /api/v2/accounts/conversations/" + conversation + "/messages");
    }

    @Test
    void aResolvedConversationIsNotReusedAfterARestart() throws Exception {
        send(TO_CUSTOMERS, "first", phone("+4915100000030"));
        SimulatedContact contact = onlyContact("+4915100000030");
        long first = onlyConversationOf(contact).id();
        assertThat(send("livedesk:status?status=resolved", null,
                Map.of(LiveDeskConstants.CONVERSATION_ID, first)).getException()).isNull();
        restartCamel(component -> {
        });

        Exchange after = send(TO_CUSTOMERS, "second", phone("+4915100000030"));

        assertThat(after.getException()).isNull();
        String second = after.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID, String.class);
        assertThat(second).isNotEqualTo(Long.toString(first));
        assertThat(simulator().contacts()).hasSize(1);
        assertThat(simulator().conversation(Long.parseLong(second)).contact()).contains(contact);
    }

    @Test
    void aStateRepositoryKeepsCustomersAcrossARestartWithoutAskingLiveDesk() throws Exception {
        MapStateRepository states = new MapStateRepository();
        restartCamel(component -> component.setCustomerStateRepository(states));
        send(TO_CUSTOMERS, "before", phone("+4915100000040"));
        assertThat(states.started).as("started with the component").isTrue();
        restartCamel(component -> component.setCustomerStateRepository(states));
        int mark = simulator().requests().size();

        Exchange after = send(TO_CUSTOMERS, "after", phone("+4915100000040"));

        assertThat(after.getException()).isNull();
        assertThat(apiRequestsSince(mark)).extracting(RecordedRequest::path).singleElement()
                .satisfies(path -> assertThat(path).endsWith("/messages"));
        assertThat(states.values).hasSize(1).containsValue(after.getMessage()
                .getHeader(LiveDeskConstants.CONVERSATION_ID) + "/" + onlyContact("+4915100000040").id());
    }

    @Test
    void aRememberedConversationLiveDeskNoLongerKnowsIsForgottenAndTheCustomerFoundAgainOnce() throws Exception {
        MapStateRepository states = new MapStateRepository();
        restartCamel(component -> component.setCustomerStateRepository(states));
        send(TO_CUSTOMERS, "first", phone("+4915100000050"));
        long contactId = onlyContact("+4915100000050").id();
        // as if the conversation had been deleted in LiveDesk since
        states.values.replaceAll((key, value) -> "999999/" + contactId);
        restartCamel(component -> component.setCustomerStateRepository(states));
        int mark = simulator().requests().size();

        Exchange healed = send(TO_CUSTOMERS, "second", phone("+4915100000050"));

        assertThat(healed.getException()).isNull();
        long conversation = onlyConversationOf(onlyContact("+4915100000050")).id();
        assertThat(simulator().conversation(conversation).messages()).extracting(StoredMessage::content)
                .containsExactly("first", "second");
        assertThat(apiRequestsSince(mark)).extracting(RecordedRequest::path).first()
                .isEqualTo("/api/v2/accounts/conversations/999999/messages");
        assertThat(states.values).containsValue(conversation + "/" + contactId);
    }

    @Test
    void aCustomerTheBoundedMemoryDroppedIsFoundAgainNotDuplicated() throws Exception {
        restartCamel(component -> component.setMaxRememberedCustomers(1));
        String start = route(TO_CUSTOMERS);
        for (String customer : List.of("a", "b", "a", "b", "a")) {
            Exchange exchange = template.request(start, e -> {
                e.getMessage().setBody("to " + customer);
                e.getMessage().setHeader(LiveDeskConstants.CUSTOMER_IDENTIFIER, customer);
            });
            assertThat(exchange.getException()).isNull();
        }

        assertThat(simulator().contacts()).hasSize(2);
        assertThat(customerConversations()).extracting(conversation -> conversation.messages().size())
                .containsExactlyInAnyOrder(3, 2);
    }

    @Test
    void aFailedLookUpFailsTheMessageRetryablyAndTheNextMessageLooksUpAgain() throws Exception {
        simulator().faults().inject(Fault.status(503)).forNext(1);

        Exchange failed = send(TO_CUSTOMERS, "first", phone("+4915100000080"));
        Exchange next = send(TO_CUSTOMERS, "second", phone("+4915100000080"));

        assertThat(failed.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, refused -> {
            assertThat(refused.getStatusCode()).isEqualTo(503);
            assertThat(refused.isRetryable()).isTrue();
        });
        assertThat(next.getException()).isNull();
        assertThat(onlyConversationOf(onlyContact("+4915100000080")).messages()).extracting(StoredMessage::content)
                .containsExactly("second");
    }

    @Test
    void aTemplateReachesACustomerByPhoneNumber() throws Exception {
        Exchange exchange = send("livedesk:template?inboxId=" + INBOX + "&templateName=order_update"
                + "&templateLanguage=en_US", Map.of("1", "A-1001"), phone("+4915100000060"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isInstanceOf(LiveDeskMessage.class);
        StoredMessage stored = onlyConversationOf(onlyContact("+4915100000060")).messages().get(0);
        assertThat(stored.templateParams()).isNotNull();
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID)).isEqualTo(stored.id());
    }

    @Test
    void aConversationIdHeaderWinsOverCustomerHeadersWhichWinOverTheConversationOption() throws Exception {
        String withDefaultConversation = TO_CUSTOMERS + "&conversationId=142";
        Map<String, Object> headers = Map.of(LiveDeskConstants.CONVERSATION_ID, "141",
                LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915100000070");

        Exchange toHeader = send(withDefaultConversation, "to 141", headers);
        Exchange toCustomer = send(withDefaultConversation, "to the customer", phone("+4915100000070"));
        Exchange toOption = send(withDefaultConversation, "to 142");

        assertThat(List.of(toHeader, toCustomer, toOption)).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(simulator().conversation(141L).messages()).extracting(StoredMessage::content)
                .containsExactly("to 141");
        assertThat(simulator().conversation(142L).messages()).extracting(StoredMessage::content)
                .containsExactly("to 142");
        assertThat(onlyConversationOf(onlyContact("+4915100000070")).messages()).extracting(StoredMessage::content)
                .containsExactly("to the customer");
    }

    /**
     * Two instances, each taking the customers routed to it (as a JMS message group or a Kafka key on the customer
     * would), then a customer moving to the other instance (a consumer leaving the group): still one contact and one
     * conversation per customer.
     */
    @Test
    void twoInstancesSharingCustomersByKeyMakeNoSecondConversation() throws Exception {
        CamelContext other = new DefaultCamelContext();
        other.addComponent("livedesk", pointAt(new LiveDeskComponent(), simulator()));
        other.start();
        try {
            String here = route(TO_CUSTOMERS);
            String there = "direct:there";
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(there).to(TO_CUSTOMERS);
                }
            });
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Exchange>> sent = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    int customer = i % 6;
                    // the group of customer n is owned by instance n % 2, then customers 0 and 1 change hands
                    boolean moved = i >= 30 && customer < 2;
                    boolean onOther = (customer % 2 == 1) != moved;
                    CamelContext instance = onOther ? other : context;
                    String start = onOther ? there : here;
                    String identifier = "scale-" + customer;
                    if (i == 30) {
                        // the hand-over: the first owner's messages are answered before the second owner takes over
                        for (Future<Exchange> earlier : sent) {
                            earlier.get(30, TimeUnit.SECONDS);
                        }
                    }
                    sent.add(threads.submit(() -> instance.createProducerTemplate().request(start, exchange -> {
                        exchange.getMessage().setBody("hello " + identifier);
                        exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_IDENTIFIER, identifier);
                    })));
                }
                for (Future<Exchange> exchange : sent) {
                    assertThat(exchange.get(30, TimeUnit.SECONDS).getException()).isNull();
                }
            } finally {
                threads.shutdownNow();
            }
        } finally {
            other.stop();
        }

        assertThat(simulator().contacts()).hasSize(6);
        assertThat(customerConversations()).hasSize(6)
                .allSatisfy(conversation -> assertThat(conversation.messages()).hasSize(10));
    }

    // ---- helpers

    private static Map<String, Object> phone(String number) {
        return Map.of(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, number);
    }

    private static org.apache.camel.Processor customerEmail(String text, String email) {
        return exchange -> {
            exchange.getMessage().setBody(text);
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_EMAIL, email);
        };
    }

    private SimulatedContact onlyContact(String phoneNumber) {
        List<SimulatedContact> found = simulator().contacts().stream()
                .filter(contact -> phoneNumber.equals(contact.phoneNumber())).toList();
        assertThat(found).as("contacts with " + phoneNumber).hasSize(1);
        return found.get(0);
    }

    /** The conversations the component created for customers (the base class seeds 141 and 142 without a contact). */
    private List<SimulatedConversation> customerConversations() {
        return simulator().conversations().stream().filter(conversation -> conversation.contact().isPresent())
                .toList();
    }

    private SimulatedConversation onlyConversationOf(SimulatedContact contact) {
        List<SimulatedConversation> found = simulator().conversations().stream()
                .filter(conversation -> conversation.contact().map(SimulatedContact::id).orElse(-1L) == contact.id())
                .toList();
        assertThat(found).as("conversations of contact " + contact.id()).hasSize(1);
        return found.get(0);
    }

    private List<RecordedRequest> apiRequestsSince(int mark) {
        List<RecordedRequest> all = simulator().requests();
        return all.subList(mark, all.size()).stream().filter(request -> request.path().startsWith("/api/")).toList();
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    private void restartCamel(java.util.function.Consumer<LiveDeskComponent> settings) throws Exception {
        context.stop();
        context = new DefaultCamelContext();
        LiveDeskComponent component = pointAt(new LiveDeskComponent(), simulator());
        settings.accept(component);
        context.addComponent("livedesk", component);
        context.start();
        template = context.createProducerTemplate();
    }
}
