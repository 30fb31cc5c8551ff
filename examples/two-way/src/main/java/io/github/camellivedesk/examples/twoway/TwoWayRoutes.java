package io.github.camellivedesk.examples.twoway;

import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.model.ExternalError;

/**
 * Both directions of a chat integration in one set of routes.
 * <ul>
 * <li>{@code direct:notify} sends a text; {@code direct:template} a WhatsApp template, which WhatsApp accepts even
 * outside the customer's 24-hour window.</li>
 * <li>{@code livedesk:events} hears LiveDesk's webhook events, verified by signature, and hands them at once to a
 * queue, so LiveDesk's 5-second wait is never spent on the work (an application uses a durable queue:
 * {@code jms:queue:livedesk.events}).</li>
 * <li>From the queue: an outgoing message refused with 131047 waits in {@link WaitingMessages}; a customer's message
 * is written to a file (the inbound path) and resends what waits for that conversation, as the window is open
 * again.</li>
 * </ul>
 */
public final class TwoWayRoutes extends RouteBuilder {

    static final String EVENTS = "seda:livedesk-events";

    private final WaitingMessages waiting;

    public TwoWayRoutes(WaitingMessages waiting) {
        this.waiting = waiting;
    }

    @Override
    public void configure() {
        from("direct:notify").routeId("notify")
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}&throwExceptionOnFailure=false");

        from("direct:template").routeId("template")
                .to("livedesk:template?conversationId={{livedesk.conversation-id}}"
                        + "&templateName=order_update&templateLanguage=en_US");

        from("livedesk:events?webhookSecret={{livedesk.webhook-secret}}"
                + "&events=message_created,message_updated&messageTypes=incoming,outgoing")
                .routeId("livedesk-events")
                .to(EVENTS);

        from(EVENTS).routeId("handle-event")
                .choice()
                .when(header(LiveDeskConstants.MESSAGE_DIRECTION).isEqualTo("incoming"))
                .to("direct:customer-wrote")
                .when(simple("${header." + LiveDeskConstants.MESSAGE_STATUS + "} == 'failed' && ${header."
                        + LiveDeskConstants.EXTERNAL_ERROR + "} startsWith '"
                        + ExternalError.REENGAGEMENT_NOT_ALLOWED + "'"))
                .log("Message ${header." + LiveDeskConstants.MESSAGE_ID + "} waits for the customer of "
                        + "conversation ${header." + LiveDeskConstants.CONVERSATION_ID + "} to write: "
                        + "${header." + LiveDeskConstants.EXTERNAL_ERROR + "}")
                .process(exchange -> waiting.add(
                        exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID, String.class),
                        exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class)))
                .end();

        from("direct:customer-wrote").routeId("customer-wrote")
                .log("Conversation ${header." + LiveDeskConstants.CONVERSATION_ID + "}: the customer wrote")
                // the inbound path: every customer message as a JSON file
                .convertBodyTo(String.class)
                .toD("file:{{two-way.replies-folder}}?fileName=${header." + LiveDeskConstants.CONVERSATION_ID
                        + "}-${header." + LiveDeskConstants.MESSAGE_ID + "}.json")
                // the window is open again: resend what waited, one retry per message
                .setBody(exchange -> waiting
                        .takeAll(exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID, String.class)))
                .split(body())
                .setHeader(LiveDeskConstants.MESSAGE_ID, body())
                .to("livedesk:retry")
                .log("Resent message ${header." + LiveDeskConstants.MESSAGE_ID + "}: ${header."
                        + LiveDeskConstants.MESSAGE_STATUS + "}")
                .end();
    }
}
