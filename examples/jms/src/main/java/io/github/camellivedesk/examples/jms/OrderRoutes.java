package io.github.camellivedesk.examples.jms;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * Order events from a JMS queue become LiveDesk template messages to the event's customer (its phone number, through
 * the inbox of {@code orders.inbox-id}), inside the JMS session's transaction: the message
 * is acknowledged only once LiveDesk accepted the template; a failed send rolls the session back and the broker
 * redelivers, up to its maximum delivery attempts, then moves the message to its dead-letter queue. A message that can
 * never succeed (not JSON, refused by the component, answered {@code failed}) goes to the dead-letter queue at once,
 * in the same transaction.
 */
public final class OrderRoutes extends RouteBuilder {

    /** JMS properties with which a publisher chooses another template than the route's default for one event. */
    static final String TEMPLATE_NAME_PROPERTY = "templateName";
    static final String TEMPLATE_LANGUAGE_PROPERTY = "templateLanguage";

    /** The header of a dead-lettered message that says why. */
    static final String DEAD_LETTER_REASON = "LiveDeskDeadLetterReason";

    private static final String LOG = "io.github.camellivedesk.examples.jms";

    @Override
    public void configure() {
        // the route logs failures itself (below), in one line
        errorHandler(defaultErrorHandler().logExhausted(false));

        onException(JsonProcessingException.class, LiveDeskValidationException.class,
                LiveDeskMessageFailedException.class)
                .handled(true)
                .useOriginalMessage()
                .setHeader(DEAD_LETTER_REASON, simple("${exception.message}"))
                .log(LoggingLevel.WARN, LOG,
                        "${camelId}: order event ${header.JMSMessageID} cannot be sent, dead-lettered: ${exception.message}")
                .to("jms:queue:{{orders.dead-letter-queue}}");

        onException(LiveDeskException.class)
                .log(LoggingLevel.WARN, LOG,
                        "${camelId}: order event ${header.JMSMessageID} not sent (delivery ${header.JMSXDeliveryCount}), "
                                + "rolled back for the broker to redeliver: ${exception.message}");

        from("jms:queue:{{orders.queue}}?concurrentConsumers={{orders.concurrent-consumers}}")
                .routeId("orders-to-livedesk")
                .unmarshal().json(OrderEvent.class)
                .process(exchange -> {
                    OrderEvent order = exchange.getMessage().getBody(OrderEvent.class);
                    // the customer, not a conversation: the component finds or creates the customer's contact and
                    // conversation in the inbox (once, remembered), and sets CamelLiveDeskConversationId on the answer
                    exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, order.phoneNumber());
                    exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_NAME, order.customerName());
                    exchange.getMessage().setHeader(LiveDeskConstants.CONTENT, order.summary());
                    exchange.getMessage().setBody(order.templateParams());
                    // camel-jms drops incoming Camel* properties, so the publisher uses plain names and the route maps
                    // them to the LiveDesk headers, which override the endpoint's options
                    copyHeader(exchange.getMessage(), TEMPLATE_NAME_PROPERTY, LiveDeskConstants.TEMPLATE_NAME);
                    copyHeader(exchange.getMessage(), TEMPLATE_LANGUAGE_PROPERTY, LiveDeskConstants.TEMPLATE_LANGUAGE);
                })
                .to("livedesk:template?inboxId={{orders.inbox-id}}&templateName={{orders.template-name}}"
                        + "&templateLanguage={{orders.template-language}}")
                .log(LoggingLevel.INFO, LOG, "${camelId}: ${header.CamelLiveDeskContent} sent to customer "
                        + "${header.CamelLiveDeskCustomerPhoneNumber} in conversation ${header.CamelLiveDeskConversationId} "
                        + "as message ${header.CamelLiveDeskMessageId}");
    }

    private static void copyHeader(Message message, String from, String to) {
        String value = message.getHeader(from, String.class);
        if (value != null && !value.isBlank()) {
            message.setHeader(to, value);
        }
    }
}
