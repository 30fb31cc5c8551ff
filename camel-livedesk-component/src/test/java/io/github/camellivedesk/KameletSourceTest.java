package io.github.camellivedesk;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The livedesk-source Kamelet as a user runs it, loaded from the component jar's {@code kamelets/} folder: the
 * simulator's signed deliveries come out as their JSON with the event's headers, filtered by the Kamelet's
 * properties, and unsigned ones never come out.
 */
class KameletSourceTest extends EventsTestSupport {

    @Test
    void customerRepliesComeOutAsJsonWithTheirHeaders() throws Exception {
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:livedesk-source?webhookSecret=" + SECRET + "&events=message_created"
                        + "&messageTypes=incoming").to("mock:replies");
            }
        });
        MockEndpoint replies = context.getEndpoint("mock:replies", MockEndpoint.class);
        replies.expectedMessageCount(1);

        assertThat(post(PATH, customerMessage(1, "unsigned"), Map.of("Content-Type", "application/json"))
                .statusCode()).isEqualTo(401);
        simulator.conversation(141L).customerReply("Is my order on its way?");

        replies.assertIsSatisfied(30_000);
        var message = replies.getExchanges().get(0).getMessage();
        assertThat(message.getBody()).isInstanceOf(String.class);
        assertThat(message.getBody(String.class)).contains("\"event\":\"message_created\"")
                .contains("Is my order on its way?");
        assertThat(message.getHeaders()).containsEntry(LiveDeskConstants.EVENT, "message_created")
                .containsEntry(LiveDeskConstants.MESSAGE_DIRECTION, "incoming")
                .containsEntry(LiveDeskConstants.CONVERSATION_ID, "141");
    }
}
