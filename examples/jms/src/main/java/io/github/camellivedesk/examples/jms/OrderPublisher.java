package io.github.camellivedesk.examples.jms;

import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the shop does: publishes order events as JSON text messages, each in the message group of its customer
 * ({@code JMSXGroupID} = the customer's phone number), so the broker hands all of a customer's events to one consumer,
 * in order, however many consumers share the queue: the customer's conversation receives them in order, and only that
 * consumer's instance ever looks the customer up.
 */
final class OrderPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderPublisher() {
    }

    static void publish(ConnectionFactory connectionFactory, String queue, List<OrderEvent> events)
            throws JMSException, JsonProcessingException {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            for (OrderEvent event : events) {
                TextMessage message = session.createTextMessage(JSON.writeValueAsString(event));
                message.setStringProperty("JMSXGroupID", event.phoneNumber());
                producer.send(message);
            }
        }
    }

    /** An order event that asks for another template than the route's default, by a JMS property. */
    static void publishWithTemplate(ConnectionFactory connectionFactory, String queue, OrderEvent event,
            String templateName)
            throws JMSException, JsonProcessingException {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(JSON.writeValueAsString(event));
            message.setStringProperty("JMSXGroupID", event.phoneNumber());
            message.setStringProperty(OrderRoutes.TEMPLATE_NAME_PROPERTY, templateName);
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }

    /** A message that is not an order event at all, as a broken publisher might send. */
    static void publishRaw(ConnectionFactory connectionFactory, String queue, String text, String group)
            throws JMSException {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty("JMSXGroupID", group);
            session.createProducer(session.createQueue(queue)).send(message);
        }
    }
}
