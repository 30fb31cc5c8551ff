package io.github.camellivedesk.quarkus.deployment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;

import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing configured: Dev Services start the simulator, the application's livedesk: endpoints talk to it, and the
 * simulator's inspection API shows what it received.
 */
class DevServicesStartedTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.INFO.intValue()
                    && record.getLoggerName().startsWith("io.github.camellivedesk"))
            .assertLogRecords(records -> assertThat(records)
                    .extracting(record -> String.format(record.getMessage(), record.getParameters()))
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Dev Services for LiveDesk started the LiveDesk simulator at http://127.0.0.1:")
                            .contains("(watch the conversations live: http://127.0.0.1:")
                            .contains("/__simulator/ui; what it received: http://127.0.0.1:")
                            .contains("/__simulator/requests)")
                            // the application's own port and the consumer's default path
                            .endsWith("; it posts webhook events to http://127.0.0.1:8081/livedesk/events")));

    @Inject
    ProducerTemplate producer;

    @ConfigProperty(name = "camel.component.livedesk.base-url")
    String baseUrl;

    @Test
    void routesSendToTheSimulatorThatDevServicesStarted() throws Exception {
        assertThat(baseUrl).startsWith("http://127.0.0.1:");

        LiveDeskMessage sent = producer.requestBody("livedesk:send?conversationId=141", "Hello from Quarkus",
                LiveDeskMessage.class);

        assertThat(sent.content()).isEqualTo("Hello from Quarkus");
        String stored = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/__simulator/conversations/141/messages")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(stored).contains("\"content\":\"Hello from Quarkus\"");
    }

    @Test
    void aMessageToACustomerNeedsNoConversationSeeded() throws Exception {
        Exchange answered = producer.request("livedesk:send?inboxId=79", exchange -> {
            exchange.getMessage().setBody("Hello Ana");
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, "+4915112345678");
        });

        assertThat(answered.getException()).isNull();
        String conversation = answered.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID, String.class);
        assertThat(inspect("/__simulator/contacts")).contains("\"phone_number\":\"+4915112345678\"");
        assertThat(inspect("/__simulator/conversations/" + conversation + "/messages"))
                .contains("\"content\":\"Hello Ana\"");
    }

    private String inspect(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
