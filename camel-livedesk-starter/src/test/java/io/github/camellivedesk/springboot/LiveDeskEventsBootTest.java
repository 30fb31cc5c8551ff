package io.github.camellivedesk.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.model.event.MessageCreated;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.WebhookDelivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code from("livedesk:events")} in a Spring Boot application: served by Boot's own web server through
 * camel-platform-http-starter, configured by {@code camel.component.livedesk.*} properties (the secret and the
 * filters), it receives the simulator's signed customer reply and answers 200; an unsigned post is answered 401.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LiveDeskEventsBootTest.EventsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
                "camel.component.livedesk.webhook-secret=" + LiveDeskEventsBootTest.SECRET,
                "camel.component.livedesk.events=message_created",
                "camel.component.livedesk.message-types=incoming" })
class LiveDeskEventsBootTest {

    static final String SECRET = "boot-webhook-secret";
    static final int PORT = freePort();
    static final LiveDeskSimulator SIMULATOR = LiveDeskSimulator.builder().conversations(141L)
            .webhook("http://127.0.0.1:" + PORT + "/livedesk/events", SECRET).build().start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        SIMULATOR.camelComponentProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class EventsApplication {

        @Bean
        RouteBuilder replies() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("livedesk:events").routeId("replies").to("mock:replies");
                }
            };
        }
    }

    @Autowired
    org.apache.camel.CamelContext camelContext;

    @Test
    void aSignedCustomerReplyReachesTheRoute() throws Exception {
        assertThat(camelContext.getComponent("livedesk", LiveDeskComponent.class).getConfiguration()
                .getWebhookSecret()).isEqualTo(SECRET);
        MockEndpoint replies = camelContext.getEndpoint("mock:replies", MockEndpoint.class);
        replies.expectedMessageCount(1);

        HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + PORT + "/livedesk/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"message_created\",\"id\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);

        SIMULATOR.conversation(141L).customerReply("Hello from WhatsApp");

        replies.assertIsSatisfied(30_000);
        var message = replies.getExchanges().get(0).getMessage();
        assertThat(message.getBody(MessageCreated.class).message().content()).isEqualTo("Hello from WhatsApp");
        assertThat(message.getHeader(LiveDeskConstants.MESSAGE_DIRECTION)).isEqualTo("incoming");
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !SIMULATOR.webhookDeliveries().isEmpty());
        assertThat(SIMULATOR.webhookDeliveries()).allMatch(WebhookDelivery::succeeded);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
