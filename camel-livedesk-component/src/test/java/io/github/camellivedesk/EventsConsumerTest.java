package io.github.camellivedesk;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.event.ConversationCreated;
import io.github.camellivedesk.model.event.ConversationStatusChanged;
import io.github.camellivedesk.model.event.LiveDeskEvent;
import io.github.camellivedesk.model.event.MessageCreated;
import io.github.camellivedesk.model.event.MessageUpdated;
import io.github.camellivedesk.model.event.OtherEvent;
import io.github.camellivedesk.simulator.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code from("livedesk:events")} through the public Camel API: the simulator's API channel posts its signed webhook
 * deliveries to the consumer's URL on a platform-http server, as LiveDesk would; hand-made posts cover what LiveDesk
 * never sends.
 */
class EventsConsumerTest extends EventsTestSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private MockEndpoint route(String uri) throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:events");
            }
        });
        return context.getEndpoint("mock:events", MockEndpoint.class);
    }

    @Test
    void aCustomerReplyArrivesTypedWithItsHeadersAndOnlyCustomerRepliesPassTheFilter() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET
                + "&events=message_created&messageTypes=incoming");
        events.expectedMessageCount(1);

        // an outgoing message_created, a message_updated and a status change: all filtered out
        long sent = context.createProducerTemplate().requestBody("livedesk:send?conversationId=141", "Hi there",
                LiveDeskMessage.class).id();
        simulator.conversation(141L).markDelivered(sent);
        simulator.conversation(141L).customerReply("Where is my parcel?");

        events.assertIsSatisfied(DEADLINE.toMillis());
        Exchange reply = events.getExchanges().get(0);
        assertThat(reply.getMessage().getBody()).isInstanceOfSatisfying(MessageCreated.class, created -> {
            assertThat(created.isIncoming()).isTrue();
            assertThat(created.message().content()).isEqualTo("Where is my parcel?");
            assertThat(created.message().messageType()).isZero();
            assertThat(created.message().conversationId()).isEqualTo(141L);
        });
        Map<String, Object> headers = reply.getMessage().getHeaders();
        assertThat(headers).containsEntry(LiveDeskConstants.EVENT, "message_created")
                .containsEntry(LiveDeskConstants.CONVERSATION_ID, "141")
                .containsEntry(LiveDeskConstants.MESSAGE_DIRECTION, "incoming")
                .containsEntry(LiveDeskConstants.MESSAGE_STATUS, "sent")
                .containsKeys(LiveDeskConstants.MESSAGE_ID, LiveDeskConstants.DELIVERY_ID)
                .doesNotContainKeys("X-Chatwoot-Signature", "X-Chatwoot-Timestamp");

        // every delivery, routed or filtered out, was acknowledged with a 200
        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() >= 3);
        assertThat(simulator.webhookDeliveries()).extracting(WebhookDelivery::event)
                .containsSubsequence("message_created", "message_updated", "message_created");
        assertThat(simulator.webhookDeliveries()).allMatch(WebhookDelivery::succeeded);
    }

    @Test
    void aMessageThatFailsAfterTheFactArrivesAsMessageUpdatedWithItsExternalError() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET + "&events=message_updated");
        events.expectedMessageCount(1);
        long sent = context.createProducerTemplate().requestBody("livedesk:send?conversationId=142", "Offer",
                LiveDeskMessage.class).id();
        simulator.conversation(142L).failMessage(sent, "131047: Re-engagement message is not allowed");

        events.assertIsSatisfied(DEADLINE.toMillis());
        Exchange updated = events.getExchanges().get(0);
        assertThat(updated.getMessage().getBody()).isInstanceOfSatisfying(MessageUpdated.class,
                event -> assertThat(event.message().externalError()).hasValueSatisfying(
                        error -> assertThat(error.isOutsideCustomerServiceWindow()).isTrue()));
        assertThat(updated.getMessage().getHeaders()).containsEntry(LiveDeskConstants.MESSAGE_STATUS, "failed")
                .containsEntry(LiveDeskConstants.EXTERNAL_ERROR, "131047: Re-engagement message is not allowed")
                .containsEntry(LiveDeskConstants.MESSAGE_ID, sent)
                .containsEntry(LiveDeskConstants.MESSAGE_DIRECTION, "outgoing");
    }

    @Test
    void conversationEventsCarryTheConversationAndTheStatusChange() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET
                + "&events=conversation_created,conversation_status_changed");
        events.expectedMessageCount(2);
        var template = context.createProducerTemplate();
        Exchange contact = template.request("livedesk:contact?inboxId=79", exchange -> exchange.getIn()
                .setHeader(LiveDeskConstants.CUSTOMER_IDENTIFIER, "customer-" + UUID.randomUUID()));
        var created = template.requestBodyAndHeader("livedesk:conversation?inboxId=79", null,
                LiveDeskConstants.CONTACT_ID, contact.getMessage().getHeader(LiveDeskConstants.CONTACT_ID),
                LiveDeskConversation.class);
        template.requestBodyAndHeader("livedesk:status", "resolved", LiveDeskConstants.CONVERSATION_ID,
                String.valueOf(created.id()));

        events.assertIsSatisfied(DEADLINE.toMillis());
        List<Exchange> received = events.getExchanges();
        assertThat(received.get(0).getMessage().getBody()).isInstanceOfSatisfying(ConversationCreated.class,
                event -> assertThat(event.conversation().id()).isEqualTo(created.id()));
        assertThat(received.get(1).getMessage().getBody()).isInstanceOfSatisfying(ConversationStatusChanged.class,
                event -> {
                    assertThat(event.previousStatus()).isEqualTo("open");
                    assertThat(event.conversation().status()).isEqualTo("resolved");
                });
        assertThat(received.get(1).getMessage().getHeaders())
                .containsEntry(LiveDeskConstants.CONVERSATION_ID, String.valueOf(created.id()))
                .containsEntry(LiveDeskConstants.CONVERSATION_STATUS, "resolved");
    }

    @Test
    void anEventWithoutARecordIsPassedOnAndConvertsToStringAndMap() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("livedesk:events?webhookSecret=" + SECRET)
                        .setHeader("asMap", simple("${bodyAs(java.util.Map)}"))
                        .convertBodyTo(String.class).to("mock:events");
            }
        });
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(1);
        String body = "{\"event\":\"webwidget_triggered\",\"id\":7,\"extra\":{\"deep\":[1,2]}}";

        assertThat(postSigned(body).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(DEADLINE.toMillis());
        Exchange exchange = events.getExchanges().get(0);
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(exchange.getMessage().getHeader("asMap", Map.class)).containsEntry("event", "webwidget_triggered")
                .containsEntry("extra", Map.of("deep", List.of(1, 2)));
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.EVENT)).isEqualTo("webwidget_triggered");
    }

    @Test
    void aTypedEventConvertsToItsJsonAndFields() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET);
        events.expectedMessageCount(1);
        String body = customerMessage(9, "hello");
        assertThat(postSigned(body).statusCode()).isEqualTo(200);
        events.assertIsSatisfied(DEADLINE.toMillis());
        Exchange exchange = events.getExchanges().get(0);
        assertThat(exchange.getMessage().getBody()).isInstanceOf(LiveDeskEvent.class);
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("message_type", "incoming")
                .containsEntry("content", "hello");
    }

    @Test
    void forgedStaleOrUnsignedDeliveriesAreAnswered401AndNeverRouted() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET);
        events.expectedMessageCount(1);
        String body = customerMessage(1, "forged");
        long now = Instant.now().getEpochSecond();

        Map<String, String> forged = signedHeaders(body, "d-1", now);
        forged.put("X-Chatwoot-Signature", "sha256=" + sign("not-the-secret", now + "." + body));
        Map<String, String> tampered = signedHeaders(customerMessage(1, "original"), "d-2", now);
        Map<String, String> stale = signedHeaders(body, "d-3", now - 400);
        Map<String, String> future = signedHeaders(body, "d-4", now + 400);
        Map<String, String> unsigned = signedHeaders(body, "d-5", now);
        unsigned.remove("X-Chatwoot-Signature");

        try (LogCapture logs = LogCapture.begin()) {
            for (Map<String, String> headers : List.of(forged, tampered, stale, future, unsigned)) {
                HttpResponse<String> answer = post(PATH, body, headers);
                assertThat(answer.statusCode()).as(headers.toString()).isEqualTo(401);
                assertThat(answer.headers().map()).doesNotContainKey("x-chatwoot-signature");
            }
            assertThat(postSigned(customerMessage(2, "genuine")).statusCode()).isEqualTo(200);
            events.assertIsSatisfied(DEADLINE.toMillis());
            assertThat(logs.lines()).noneMatch(line -> line.contains(SECRET));
            assertThat(logs.lines(Level.ERROR)).isEmpty();
        }
        assertThat(events.getExchanges().get(0).getMessage().getBody(MessageCreated.class).message().content())
                .isEqualTo("genuine");
    }

    @Test
    void aTokenInTheUrlAuthenticatesWhenLiveDeskDoesNotSign() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookToken=t0k3n-42");
        events.expectedMessageCount(1);
        String body = customerMessage(3, "via token");
        Map<String, String> json = Map.of("Content-Type", "application/json");

        assertThat(post(PATH, body, json).statusCode()).isEqualTo(401);
        assertThat(post(PATH + "?token=t0k3n-41", body, json).statusCode()).isEqualTo(401);
        assertThat(post(PATH + "?token=t0k3n-42", body, json).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(DEADLINE.toMillis());
    }

    @Test
    void withNeitherSecretNorTokenItStartsAndWarnsOnce() throws Exception {
        try (LogCapture logs = LogCapture.begin(Level.INFO)) {
            MockEndpoint events = route("livedesk:events");
            events.expectedMessageCount(2);
            assertThat(post(PATH, customerMessage(4, "a"), Map.of("Content-Type", "application/json"))
                    .statusCode()).isEqualTo(200);
            assertThat(post(PATH, customerMessage(5, "b"), Map.of("Content-Type", "application/json"))
                    .statusCode()).isEqualTo(200);
            events.assertIsSatisfied(DEADLINE.toMillis());
            assertThat(logs.lines(Level.WARN))
                    .filteredOn(line -> line.contains("anyone who can reach this URL can post events")).hasSize(1);
        }
    }

    @Test
    void aDeliverySeenBeforeIsAcknowledgedAndNotRoutedAgain() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET);
        events.expectedMessageCount(2);
        String body = customerMessage(6, "once");
        Map<String, String> headers = signedHeaders(body, "delivery-6", Instant.now().getEpochSecond());

        assertThat(post(PATH, body, headers).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(PATH, body, headers);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("seen before");
        assertThat(postSigned(customerMessage(7, "next")).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(DEADLINE.toMillis());
        assertThat(events.getExchanges()).extracting(e -> e.getMessage().getBody(MessageCreated.class).message().id())
                .containsExactly(6L, 7L);
    }

    @Test
    void aFailingRouteIsAnswered500AndTheSameDeliveryCanBeSentAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("livedesk:events?webhookSecret=" + SECRET).to("mock:events").process(exchange -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("database down");
                    }
                });
            }
        });
        MockEndpoint events = context.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMessageCount(2);
        String body = customerMessage(8, "retry me");
        Map<String, String> headers = signedHeaders(body, "delivery-8", Instant.now().getEpochSecond());

        assertThat(post(PATH, body, headers).statusCode()).isEqualTo(500);
        assertThat(post(PATH, body, headers).statusCode()).isEqualTo(200);

        events.assertIsSatisfied(DEADLINE.toMillis());
    }

    @Test
    void aRepositoryThatFailsIsAnswered503NotRoutedAndSaidAtWarn() throws Exception {
        context.getRegistry().bind("broken", new MemoryIdempotentRepository() {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("database down");
            }

            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("database still down");
            }
        });
        MockEndpoint events = route("livedesk:events?webhookSecret=" + SECRET + "&idempotentRepository=#broken");
        try (LogCapture logs = LogCapture.begin(Level.INFO)) {
            HttpResponse<String> answer = postSigned(customerMessage(11, "lost?"));
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("delivery ids unavailable");
            assertThat(logs.lines(Level.WARN)).anyMatch(line -> line.contains("database down"));
            assertThat(logs.lines(Level.ERROR)).isEmpty();
        }
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void badInputIsAnswered4xxWithAReasonNotRoutedAndNotLoggedAtError() throws Exception {
        MockEndpoint events = route("livedesk:events?webhookToken=tok&maxBodySize=2048");
        events.expectedMessageCount(1);
        String url = PATH + "?token=tok";
        Map<String, String> json = Map.of("Content-Type", "application/json");
        try (LogCapture logs = LogCapture.begin()) {
            assertAnswer(post(url, "not json", json), 400, "not JSON");
            assertAnswer(post(url, "[1,2]", json), 400, "not a JSON object");
            assertAnswer(post(url, "{\"id\":1}", json), 400, "no event");
            assertAnswer(post(url, "{\"event\":42}", json), 400, "no event");
            assertAnswer(post(url, "{\"event\":\"message_created\",\"id\":\"abc\"}", json), 400, "message_created");
            assertAnswer(post(url, "{\"event\":\"x\"} {}", json), 400, "not JSON");
            assertAnswer(post(url, customerMessage(1, "x".repeat(4096)), json), 413, "larger than 2048");
            assertAnswer(post(url, customerMessage(1, "x"), Map.of("Content-Type", "text/plain")), 415,
                    "application/json");
            assertAnswer(post(url, customerMessage(1, "x"), Map.of()), 415, "application/json");
            Map<String, String> badId = Map.of("Content-Type", "application/json", "X-Chatwoot-Delivery",
                    "x".repeat(101));
            assertAnswer(post(url, customerMessage(1, "x"), badId), 400, "X-Chatwoot-Delivery");

            assertAnswer(post(url, customerMessage(10, "good"), json), 200, "routed");
            events.assertIsSatisfied(DEADLINE.toMillis());
            assertThat(logs.lines(Level.ERROR)).isEmpty();
        }
    }

    private static void assertAnswer(HttpResponse<String> answer, int status, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.body()).contains(reason);
    }

    @Test
    void aGetIsNotAnEvent() throws Exception {
        route("livedesk:events?webhookSecret=" + SECRET);
        var get = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(PATH))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isBetween(404, 405);
    }

    @Test
    void aBadOptionFailsTheRouteNamingTheOptionAndTheFix() {
        for (String[] bad : new String[][]{
                { "livedesk:events?messageTypes=incoming,customer", "option messageTypes" },
                { "livedesk:events?events=Message-Created", "option events" },
                { "livedesk:events?path=no-slash", "option path" },
                { "livedesk:events?signatureTolerance=0", "option signatureTolerance" },
                { "livedesk:events?maxBodySize=0", "option maxBodySize" } }) {
            assertThatThrownBy(() -> ServiceHelper.startService(context.getEndpoint(bad[0]))).as(bad[0])
                    .hasRootCauseInstanceOf(LiveDeskValidationException.class).rootCause().hasMessageContaining(bad[1])
                    .hasMessageContaining("Use ");
        }
    }

    @Test
    void theEventsEndpointHasNoProducerAndTheOthersNoConsumer() {
        assertThatThrownBy(() -> context.createProducerTemplate().sendBody("livedesk:events", "x"))
                .hasStackTraceContaining("use it in from()");
        assertThatThrownBy(() -> routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("livedesk:send").to("mock:never");
            }
        })).hasStackTraceContaining("use it in to()");
        assertThat(OtherEvent.class).isFinal();
    }
}
