package io.github.camellivedesk.examples.jms;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@link OrderRoutes} as the app does, against the simulator and an embedded Artemis broker. The simulator knows
 * no conversation: every customer's contact and conversation is created by the component.
 */
class OrderRoutesTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().build();

    private static final String ANA = "+4915100000001";
    private static final String BO = "+4915100000002";

    @TempDir
    Path brokerData;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory connectionFactory;
    private Main app;

    @BeforeEach
    void startBrokerAndApp() throws Exception {
        broker = EmbeddedBroker.start(brokerData, JmsApplication.DEAD_LETTER_QUEUE,
                JmsApplication.MAX_DELIVERY_ATTEMPTS);
        connectionFactory = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
        app = JmsApplication.create("orders-test", LIVEDESK.camelComponentProperties());
        app.start();
    }

    @AfterEach
    void stopAppAndBroker() throws Exception {
        app.stop();
        connectionFactory.close();
        broker.close();
    }

    @Test
    void sendsEachOrderEventAsATemplateMessageToItsCustomerAndAcknowledgesIt() throws Exception {
        OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE, List.of(
                new OrderEvent("A-1001", ANA, "Ana", "shipped"),
                new OrderEvent("B-2002", BO, "Bo", "packed"),
                new OrderEvent("A-1001", ANA, "Ana", "delivered")));

        await().atMost(Duration.ofSeconds(60)).until(() -> simulator().messages().size() == 3);
        // a contact for each customer, named as in the event, and one conversation each in the inbox
        assertThat(simulator().contacts()).extracting(SimulatedContact::phoneNumber, SimulatedContact::name)
                .containsExactlyInAnyOrder(tuple(ANA, "Ana"), tuple(BO, "Bo"));
        assertThat(simulator().conversations()).hasSize(2)
                .allSatisfy(conversation -> assertThat(conversation.inboxId()).isEqualTo(79));
        assertThat(conversationOf(ANA).messages()).extracting(StoredMessage::content)
                .containsExactly("Order A-1001 for Ana: shipped", "Order A-1001 for Ana: delivered");
        assertThat(conversationOf(ANA).messages().get(0)).satisfies(message -> {
            assertThat(message.status()).isEqualTo("sent");
            assertThat(message.templateParams())
                    .containsEntry("name", "order_update")
                    .containsEntry("language", "en_US")
                    .containsEntry("processed_params", Map.of("1", "Ana", "2", "A-1001", "3", "shipped"));
        });
        assertThat(conversationOf(BO).messages()).singleElement()
                .satisfies(message -> assertThat(message.templateParams())
                        .containsEntry("processed_params", Map.of("1", "Bo", "2", "B-2002", "3", "packed")));
        // acknowledged: nothing left on the queue, nothing dead-lettered
        await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(JmsApplication.QUEUE) == 0);
        assertThat(broker.messageCount(JmsApplication.DEAD_LETTER_QUEUE)).isZero();
        // Ana's second event cost one request: the component remembered her conversation
        assertThat(simulator().requests()).extracting(request -> request.method() + " " + request.path())
                .filteredOn(call -> !call.endsWith("/messages")).containsOnly("POST /api/v2/accounts/contacts",
                        "POST /api/v2/accounts/conversations")
                .hasSize(4);
    }

    @Test
    void aJmsPropertyChoosesAnotherTemplateForOneEvent() throws Exception {
        OrderPublisher.publishWithTemplate(connectionFactory, JmsApplication.QUEUE,
                new OrderEvent("A-1001", ANA, "Ana", "delayed"), "order_delayed");

        await().atMost(Duration.ofSeconds(60)).until(() -> simulator().messages().size() == 1);
        assertThat(simulator().messages().get(0).templateParams())
                .containsEntry("name", "order_delayed")
                .containsEntry("language", "en_US");
    }

    @Test
    void aFailedSendIsRolledBackAndTheBrokerRedeliversIt() throws Exception {
        // LiveDesk down for two requests: the first two deliveries fail (here at creating the customer's contact), the
        // third (the last one allowed) goes. Only a transacted session redelivers here: Spring's listener container
        // acknowledges AUTO_ACKNOWLEDGE messages before the route runs
        simulator().faults().inject(Fault.status(503)).forNext(1);
        simulator().faults().inject(Fault.dropBeforeRead()).forNext(1);

        OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE,
                List.of(new OrderEvent("A-1001", ANA, "Ana", "shipped")));

        await().atMost(Duration.ofSeconds(60)).until(() -> !simulator().messages().isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> broker.messageCount(JmsApplication.QUEUE) == 0);
        // one contact creation per delivery, then the conversation and the message
        assertThat(simulator().requests()).extracting(request -> request.method() + " " + request.path())
                .containsExactly("POST /api/v2/accounts/contacts", "POST /api/v2/accounts/contacts",
                        "POST /api/v2/accounts/contacts", "POST /api/v2/accounts/conversations",
                        "POST /api/v2/accounts/conversations/" + conversationOf(ANA).id() + "/messages");
        assertThat(simulator().contacts()).hasSize(1);
        assertThat(simulator().messages()).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo("sent");
            assertThat(message.content()).isEqualTo("Order A-1001 for Ana: shipped");
        });
        assertThat(broker.messageCount(JmsApplication.DEAD_LETTER_QUEUE)).isZero();
    }

    @Test
    void afterTheLastDeliveryAttemptTheBrokerMovesTheEventToTheDeadLetterQueue() throws Exception {
        simulator().faults().inject(Fault.status(503)).always();

        OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE,
                List.of(new OrderEvent("A-1001", ANA, "Ana", "shipped")));

        Message dead = receiveDeadLetter();
        assertThat(((TextMessage) dead).getText()).contains("\"orderId\":\"A-1001\"");
        assertThat(dead.getIntProperty("JMSXDeliveryCount")).isGreaterThanOrEqualTo(1);
        // one request per delivery attempt, none stored, nothing left on the queue
        assertThat(simulator().requestCount()).isEqualTo(JmsApplication.MAX_DELIVERY_ATTEMPTS);
        assertThat(simulator().contacts()).isEmpty();
        assertThat(simulator().messages()).isEmpty();
        assertThat(broker.messageCount(JmsApplication.QUEUE)).isZero();
    }

    @Test
    void aMessageThatIsNotAnOrderEventIsDeadLetteredAtOnceWithoutCallingLiveDesk() throws Exception {
        OrderPublisher.publishRaw(connectionFactory, JmsApplication.QUEUE, "order A-999 shipped", ANA);
        OrderPublisher.publish(connectionFactory, JmsApplication.QUEUE,
                List.of(new OrderEvent("A-1001", ANA, "Ana", "shipped")));

        Message dead = receiveDeadLetter();
        assertThat(((TextMessage) dead).getText()).isEqualTo("order A-999 shipped");
        assertThat(dead.getStringProperty(OrderRoutes.DEAD_LETTER_REASON)).contains("Unrecognized token 'order'");
        // the next event of the same customer is not held up by it: its contact, conversation and message
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator().messages().size() == 1);
        assertThat(simulator().requestCount()).isEqualTo(3);
        assertThat(simulator().messages()).extracting(StoredMessage::content)
                .containsExactly("Order A-1001 for Ana: shipped");
    }

    @Test
    void anEventTheComponentRefusesIsDeadLetteredAtOnceWithTheReason() throws Exception {
        // a phone number not in E.164 form: the component refuses it before sending anything, redelivering would not
        // help
        String localNumber = "{\"orderId\":\"A-1001\",\"phoneNumber\":\"0151 000 0001\",\"customerName\":\"Ana\","
                + "\"status\":\"shipped\"}";
        OrderPublisher.publishRaw(connectionFactory, JmsApplication.QUEUE, localNumber, "0151 000 0001");

        Message dead = receiveDeadLetter();
        assertThat(((TextMessage) dead).getText()).isEqualTo(localNumber);
        assertThat(dead.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        assertThat(dead.getStringProperty(OrderRoutes.DEAD_LETTER_REASON))
                .contains("CamelLiveDeskCustomerPhoneNumber").contains("E.164");
        assertThat(simulator().requestCount()).isZero();
    }

    /** The one conversation the component created for the customer with this phone number. */
    private static SimulatedConversation conversationOf(String phoneNumber) {
        List<SimulatedConversation> found = simulator().conversations().stream()
                .filter(conversation -> conversation.contact().map(SimulatedContact::phoneNumber)
                        .filter(phoneNumber::equals).isPresent())
                .toList();
        assertThat(found).as("conversations of " + phoneNumber).hasSize(1);
        return found.get(0);
    }

    private Message receiveDeadLetter() throws Exception {
        try (Connection connection = connectionFactory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(JmsApplication.DEAD_LETTER_QUEUE));
            Message message = consumer.receive(Duration.ofSeconds(60).toMillis());
            assertThat(message).as("a message in " + JmsApplication.DEAD_LETTER_QUEUE).isNotNull();
            return message;
        }
    }

    private static LiveDeskSimulator simulator() {
        return LIVEDESK.simulator();
    }
}
