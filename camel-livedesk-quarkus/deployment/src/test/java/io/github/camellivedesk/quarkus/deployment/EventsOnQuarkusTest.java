package io.github.camellivedesk.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.model.event.MessageCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * from("livedesk:events") on Quarkus: served by Quarkus's own HTTP server (no camel-quarkus-platform-http), with Dev
 * Services pointing the simulator's signed webhooks at the application's port and giving the consumer the secret.
 * A customer's reply arrives typed; a delivery without a valid signature never reaches the route.
 */
class EventsOnQuarkusTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(archive -> archive.addClasses(Replies.class, ReplyRoutes.class))
            .overrideConfigKey("quarkus.camel.livedesk.devservices.conversations", "141");

    @Inject
    Replies replies;

    @ConfigProperty(name = "camel.component.livedesk.base-url")
    String baseUrl;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aCustomersReplyArrivesSignedAndTyped() throws Exception {
        HttpResponse<String> reply = post(baseUrl + "/__simulator/conversations/141/customer-reply",
                "{\"content\":\"Where is my parcel?\"}", null);
        assertThat(reply.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> !replies.received.isEmpty());
        MessageCreated event = replies.received.get(0);
        assertThat(event.message().content()).isEqualTo("Where is my parcel?");
        assertThat(event.message().conversationId()).isEqualTo(141L);
        assertThat(replies.conversations).containsExactly("141");
    }

    @Test
    void aDeliveryWithoutAValidSignatureIsRefusedAndNotRouted() throws Exception {
        String forged = "{\"event\":\"message_created\",\"id\":1,\"content\":\"forged\",\"message_type\":\"incoming\"}";

        HttpResponse<String> answer = post("http://127.0.0.1:" + port + "/livedesk/events", forged,
                "sha256=" + "0".repeat(64));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(replies.received).extracting(event -> event.message().content()).doesNotContain("forged");
    }

    private static HttpResponse<String> post(String url, String json, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (signature != null) {
            request.header("X-Chatwoot-Signature", signature)
                    .header("X-Chatwoot-Timestamp", Long.toString(System.currentTimeMillis() / 1000))
                    .header("X-Chatwoot-Delivery", "forged-1");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the route heard. */
    @ApplicationScoped
    public static class Replies {
        final List<MessageCreated> received = new CopyOnWriteArrayList<>();
        final List<String> conversations = new CopyOnWriteArrayList<>();
    }

    /** Only the customers' replies, as a route that answers customers would take them. */
    @ApplicationScoped
    public static class ReplyRoutes extends RouteBuilder {

        @Inject
        Replies replies;

        @Override
        public void configure() {
            from("livedesk:events?events=message_created&messageTypes=incoming").process(exchange -> {
                replies.received.add(exchange.getMessage().getBody(MessageCreated.class));
                replies.conversations.add(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID,
                        String.class));
            });
        }
    }
}
