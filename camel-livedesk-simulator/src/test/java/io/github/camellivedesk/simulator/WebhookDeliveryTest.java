package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String CONVERSATIONS = "/api/v2/accounts/conversations";

    private WebhookReceiver receiver;
    private LiveDeskSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private Api start(String secret) throws Exception {
        if (receiver == null) {
            receiver = new WebhookReceiver();
        }
        simulator = LiveDeskSimulator.builder().conversations(141L).webhook(receiver.url(), secret).build().start();
        return new Api(simulator);
    }

    private void awaitReceived(int count) {
        await().atMost(DEADLINE).until(() -> receiver.received().size() >= count);
    }

    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @Test
    void aSentMessageIsDeliveredAsMessageCreatedSignedWithTheSecret() throws Exception {
        Api api = start("s3cret");

        Map<String, Object> answer = Api.json(api.postJson(Api.messagesPath(141), "{\"content\":\"Hello\"}"));

        awaitReceived(1);
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertThat(delivery.method()).isEqualTo("POST");
        assertThat(delivery.contentType()).isEqualTo("application/json");
        assertThat(UUID.fromString(delivery.deliveryId())).isNotNull();
        assertThat(Long.parseLong(delivery.timestamp()))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        assertThat(delivery.signature())
                .isEqualTo("sha256=" + hmac("s3cret", delivery.timestamp() + "." + delivery.rawBody()));
        assertThat(delivery.signature()).isNotEqualTo("sha256=" + hmac("other", delivery.timestamp() + "."
                + delivery.rawBody()));

        Map<String, Object> body = delivery.json();
        assertThat(body).containsEntry("event", "message_created").containsEntry("content", "Hello")
                .containsEntry("message_type", "outgoing").containsEntry("status", "sent")
                .containsEntry("private", false).containsKeys("created_at", "content_attributes", "source_id");
        assertThat(number(body.get("id"))).isEqualTo(number(answer.get("id")));
        assertThat(map(body.get("conversation"))).containsEntry("status", "open").doesNotContainKey("messages");
        assertThat(number(map(body.get("conversation")).get("id"))).isEqualTo(141);
        assertThat(number(map(body.get("conversation")).get("inbox_id"))).isEqualTo(79);
        assertThat(number(map(body.get("inbox")).get("id"))).isEqualTo(79);
        assertThat(map(body.get("inbox"))).containsKey("name");
        assertThat(number(map(body.get("account")).get("id"))).isEqualTo(14);
        assertThat(map(body.get("sender"))).containsEntry("type", "user");

        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() == 1);
        WebhookDelivery logged = simulator.webhookDeliveries().get(0);
        assertThat(logged.deliveryId()).isEqualTo(delivery.deliveryId());
        assertThat(logged.event()).isEqualTo("message_created");
        assertThat(logged.statusCode()).isEqualTo(200);
        assertThat(logged.error()).isNull();
        assertThat(logged.succeeded()).isTrue();
    }

    @Test
    void withoutASecretThereIsNoSignatureAndEachDeliveryHasItsOwnId() throws Exception {
        Api api = start(null);

        api.postJson(Api.messagesPath(141), "{\"content\":\"one\"}");
        api.postJson(Api.messagesPath(141), "{\"content\":\"two\"}");

        awaitReceived(2);
        List<WebhookReceiver.Received> deliveries = receiver.received();
        assertThat(deliveries).extracting(WebhookReceiver.Received::signature).containsOnlyNulls();
        assertThat(deliveries).extracting(WebhookReceiver.Received::timestamp).doesNotContainNull();
        assertThat(deliveries.get(0).deliveryId()).isNotNull().isNotEqualTo(deliveries.get(1).deliveryId());
    }

    @Test
    void aConversationCreatedThroughTheApiIsAnnouncedBeforeItsFirstMessage() throws Exception {
        Api api = start(null);
        Map<String, Object> contact = map(map(Api.json(api.postJson("/api/v2/accounts/contacts",
                "{\"inbox_id\":79,\"name\":\"Alice\",\"identifier\":\"a-1\"}")).get("payload")).get("contact"));

        Map<String, Object> created = Api.json(api.postJson(CONVERSATIONS, "{\"inbox_id\":79,\"contact_id\":"
                + contact.get("id") + ",\"status\":\"pending\",\"message\":{\"content\":\"Welcome\"}}"));

        awaitReceived(2);
        assertThat(receiver.events()).containsExactly("conversation_created", "message_created");
        Map<String, Object> conversation = receiver.received().get(0).json();
        assertThat(number(conversation.get("id"))).isEqualTo(number(created.get("id")));
        assertThat(conversation).containsEntry("status", "pending").containsKeys("meta", "contact_inbox");
        assertThat(number(conversation.get("inbox_id"))).isEqualTo(79);
        assertThat(map(map(conversation.get("meta")).get("sender"))).containsEntry("name", "Alice");
        assertThat(receiver.received().get(1).json()).containsEntry("content", "Welcome");
    }

    @Test
    void aStatusChangeCarriesThePreviousAndCurrentValue() throws Exception {
        Api api = start(null);

        HttpResponse<String> toggled = api.postJson(CONVERSATIONS + "/141/toggle_status",
                "{\"status\":\"resolved\"}");

        assertThat(toggled.statusCode()).isEqualTo(200);
        awaitReceived(1);
        Map<String, Object> body = receiver.received().get(0).json();
        assertThat(body).containsEntry("event", "conversation_status_changed").containsEntry("status", "resolved");
        assertThat(number(body.get("id"))).isEqualTo(141);
        assertThat(body.get("changed_attributes")).isEqualTo(
                List.of(Map.of("status", Map.of("previous_value", "open", "current_value", "resolved"))));
    }

    @Test
    void aCustomerReplyIsAnIncomingMessageAndReopensAResolvedConversation() throws Exception {
        Api api = start(null);
        api.postJson(CONVERSATIONS + "/141/toggle_status", "{\"status\":\"resolved\"}");

        StoredMessage reply = simulator.conversation(141).customerReply("Still there?");

        awaitReceived(3);
        assertThat(receiver.events()).containsExactly("conversation_status_changed", "message_created",
                "conversation_status_changed");
        Map<String, Object> incoming = receiver.received().get(1).json();
        assertThat(incoming).containsEntry("message_type", "incoming").containsEntry("content", "Still there?");
        assertThat(number(incoming.get("id"))).isEqualTo(reply.id());
        assertThat(map(incoming.get("sender"))).containsEntry("type", "contact");
        assertThat(receiver.received().get(2).json().get("changed_attributes")).isEqualTo(
                List.of(Map.of("status", Map.of("previous_value", "resolved", "current_value", "open"))));
    }

    @Test
    void aMessageFailedAfterTheFactIsDeliveredAsMessageUpdated() throws Exception {
        Api api = start(null);
        long id = number(Api.json(api.postJson(Api.messagesPath(141), "{\"content\":\"Hi\"}")).get("id"));

        StoredMessage failed = simulator.conversation(141).failMessage(id,
                "131047: Re-engagement message is not allowed");

        assertThat(failed.isFailed()).isTrue();
        assertThat(simulator.message(id)).contains(failed);
        awaitReceived(2);
        Map<String, Object> updated = receiver.received().get(1).json();
        assertThat(updated).containsEntry("event", "message_updated").containsEntry("status", "failed")
                .containsEntry("message_type", "outgoing");
        assertThat(number(updated.get("id"))).isEqualTo(id);
        assertThat(map(updated.get("content_attributes")))
                .containsEntry("external_error", "131047: Re-engagement message is not allowed");
    }

    @Test
    void theInspectionApiFailsMarksReadAndListsDeliveries() throws Exception {
        Api api = start(null);
        long id = number(Api.json(api.postJson(Api.messagesPath(141), "{\"content\":\"Hi\"}")).get("id"));

        HttpResponse<String> failed = api.post("/__simulator/conversations/141/messages/" + id + "/fail",
                "application/json", "{\"external_error\":\"131026: Message undeliverable\"}", null);
        HttpResponse<String> read = api.post("/__simulator/conversations/141/messages/" + id + "/read",
                "application/json", "", null);
        HttpResponse<String> unknown = api.post("/__simulator/conversations/141/messages/999/delivered",
                "application/json", "", null);

        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(map(Api.json(failed).get("content_attributes")))
                .containsEntry("external_error", "131026: Message undeliverable");
        assertThat(Api.json(read)).containsEntry("status", "read");
        assertThat(unknown.statusCode()).isEqualTo(404);
        awaitReceived(3);
        assertThat(receiver.received()).extracting(r -> r.json().get("status")).containsExactly("sent", "failed",
                "read");
        await().atMost(DEADLINE).until(() -> Api.jsonList(api.get("/__simulator/webhooks")).size() == 3);
        Map<String, Object> listed = map(Api.jsonList(api.get("/__simulator/webhooks")).get(1));
        assertThat(listed).containsEntry("event", "message_updated").containsEntry("status_code", 200)
                .containsEntry("error", null).containsEntry("delivery_id", receiver.received().get(1).deliveryId())
                .containsKeys("sent_at", "duration_millis");
    }

    @Test
    void deliveriesArriveInTheOrderOfTheEvents() throws Exception {
        Api api = start(null);

        for (int i = 1; i <= 5; i++) {
            api.postJson(Api.messagesPath(141), "{\"content\":\"m" + i + "\"}");
        }
        api.postJson(CONVERSATIONS + "/141/toggle_status", "{\"status\":\"pending\"}");
        simulator.conversation(141).markDelivered(1);

        awaitReceived(7);
        assertThat(receiver.received()).extracting(r -> r.event() + ":" + r.json().get("content")
                + ":" + r.json().get("status")).containsExactly("message_created:m1:sent", "message_created:m2:sent",
                        "message_created:m3:sent", "message_created:m4:sent", "message_created:m5:sent",
                        "conversation_status_changed:null:pending", "message_updated:m1:delivered");
        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() == 7);
        assertThat(simulator.webhookDeliveries()).extracting(WebhookDelivery::deliveryId)
                .containsExactlyElementsOf(receiver.received().stream().map(WebhookReceiver.Received::deliveryId)
                        .toList());
    }

    @Test
    void aReceiverAnswering500IsLoggedAndNotRetried() throws Exception {
        receiver = new WebhookReceiver().answering(500);
        Api api = start(null);

        api.postJson(Api.messagesPath(141), "{\"content\":\"first\"}");
        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() == 1);
        // one at a time, in order: a retry of the first would reach the receiver before the second
        api.postJson(Api.messagesPath(141), "{\"content\":\"second\"}");
        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() == 2);

        assertThat(receiver.received()).extracting(r -> r.json().get("content")).containsExactly("first", "second");
        assertThat(simulator.webhookDeliveries()).extracting(WebhookDelivery::statusCode).containsExactly(500, 500);
        assertThat(simulator.webhookDeliveries().get(0).succeeded()).isFalse();
        assertThat(simulator.webhookDeliveries().get(0).error()).isNull();
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutWithoutDelayingTheApi() throws Exception {
        receiver = new WebhookReceiver().holdingRequests();
        Api api = start(null);

        long before = System.nanoTime();
        HttpResponse<String> sent = api.postJson(Api.messagesPath(141), "{\"content\":\"slow receiver\"}");
        Duration took = Duration.ofNanos(System.nanoTime() - before);

        assertThat(sent.statusCode()).isEqualTo(200);
        // answered before the delivery could end: it is neither logged nor anywhere near its 5 s timeout
        assertThat(simulator.webhookDeliveries()).isEmpty();
        assertThat(took).isLessThan(Duration.ofSeconds(4));
        assertThat(receiver.holding.await(30, TimeUnit.SECONDS)).isTrue();
        // the receiver holds the request now, and the API still answers at once
        assertThat(api.postJson(CONVERSATIONS + "/141/toggle_status", "{\"status\":\"pending\"}").statusCode())
                .isEqualTo(200);
        assertThat(receiver.release.getCount()).isEqualTo(1);

        await().atMost(DEADLINE).until(() -> !simulator.webhookDeliveries().isEmpty());
        WebhookDelivery timedOut = simulator.webhookDeliveries().get(0);
        assertThat(timedOut.statusCode()).isZero();
        assertThat(timedOut.error()).contains("timed out");
        assertThat(timedOut.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(4500))
                .isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aRefusedConnectionIsLoggedWithItsError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        simulator = LiveDeskSimulator.builder().conversations(141L)
                .webhook("http://127.0.0.1:" + closedPort + "/hook", null).build().start();

        new Api(simulator).postJson(Api.messagesPath(141), "{\"content\":\"nobody listens\"}");

        await().atMost(DEADLINE).until(() -> !simulator.webhookDeliveries().isEmpty());
        WebhookDelivery refused = simulator.webhookDeliveries().get(0);
        assertThat(refused.statusCode()).isZero();
        assertThat(refused.error()).isNotBlank();
    }

    @Test
    void resetClearsTheDeliveryLog() throws Exception {
        Api api = start(null);
        api.postJson(Api.messagesPath(141), "{\"content\":\"before reset\"}");
        await().atMost(DEADLINE).until(() -> simulator.webhookDeliveries().size() == 1);

        simulator.reset();

        assertThat(simulator.webhookDeliveries()).isEmpty();
        assertThat(Api.jsonList(api.get("/__simulator/webhooks"))).isEmpty();
    }

    @Test
    void withoutAWebhookNothingIsLogged() throws Exception {
        simulator = LiveDeskSimulator.builder().conversations(141L).build().start();

        new Api(simulator).postJson(Api.messagesPath(141), "{\"content\":\"no hook\"}");

        assertThat(simulator.webhookDeliveries()).isEmpty();
    }

    @Test
    void theStandaloneFlagsSetTheWebhookAndNeverPrintTheSecret() throws Exception {
        receiver = new WebhookReceiver();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        simulator = SimulatorMain.run(new String[]{ "--port", "0", "--conversations", "141", "--webhook-url",
                receiver.url() + "?token=url-t0ken", "--webhook-secret", "flag-s3cret" },
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        new Api(simulator).postJson(Api.messagesPath(141), "{\"content\":\"cli\"}");

        awaitReceived(1);
        WebhookReceiver.Received delivery = receiver.received().get(0);
        assertThat(delivery.signature())
                .isEqualTo("sha256=" + hmac("flag-s3cret", delivery.timestamp() + "." + delivery.rawBody()));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Webhooks:").contains(receiver.url()).doesNotContain("flag-s3cret")
                .doesNotContain("url-t0ken");
        assertThat(simulator.settings().toString()).doesNotContain("flag-s3cret").doesNotContain("url-t0ken");
    }
}
