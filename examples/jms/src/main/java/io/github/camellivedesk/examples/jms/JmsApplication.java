package io.github.camellivedesk.examples.jms;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.main.Main;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Consumes order events from a JMS queue and sends each as a LiveDesk template message to the event's customer. With
 * {@code LIVEDESK_API_KEY} and {@code LIVEDESK_API_SECRET} set it consumes until stopped, from the broker of
 * {@code JMS_BROKER_URL} (an embedded Artemis broker when unset); without them it runs a short demo against an
 * embedded simulator and an embedded broker: two app instances share the queue, three customers LiveDesk does not know
 * yet get four events each, LiveDesk is down for the first two requests, and one message is not JSON.
 */
public final class JmsApplication {

    static final String QUEUE = "orders";
    static final String DEAD_LETTER_QUEUE = "DLQ";
    /** As Artemis: a message is delivered at most this many times, then dead-lettered. */
    static final int MAX_DELIVERY_ATTEMPTS = 3;

    /** The demo's customers, as the shop knows them: a name and a phone number, no LiveDesk conversation. */
    private static final String[] DEMO_CUSTOMERS = { "Ana", "Bo", "Chen" };
    private static final String[] DEMO_PHONE_NUMBERS = { "+4915100000001", "+4915100000002", "+4915100000003" };

    private JmsApplication() {
    }

    public static void main(String[] args) throws Exception {
        // no conversation to seed: the component creates each customer's contact and conversation
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(System.getenv(), Conversation.PER_MESSAGE)) {
            String brokerUrl = System.getenv("JMS_BROKER_URL");
            EmbeddedBroker broker = brokerUrl == null || brokerUrl.startsWith("vm:")
                    ? EmbeddedBroker.start(Files.createTempDirectory("livedesk-artemis"), DEAD_LETTER_QUEUE,
                            MAX_DELIVERY_ATTEMPTS)
                    : null;
            try {
                if (target.simulator() == null) {
                    create("livedesk-jms-example", target.camelProperties()).run();
                } else {
                    demo(target.simulator(), broker, System.out);
                }
            } finally {
                if (broker != null) {
                    broker.close();
                }
            }
        }
    }

    /** One instance of the app: the routes of {@link OrderRoutes}, application.properties overridden by these. */
    static Main create(String name, Map<String, String> properties) {
        Main main = new Main();
        main.configure().addConfiguration(new BrokerConnection());
        main.configure().addRoutesBuilder(new OrderRoutes());
        properties.forEach(main::addOverrideProperty);
        main.addOverrideProperty("camel.main.name", name);
        return main;
    }

    static void demo(LiveDeskSimulator simulator, EmbeddedBroker broker, PrintStream out) throws Exception {
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl() + " and an embedded Artemis "
                + "broker (set LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use your LiveDesk account, JMS_BROKER_URL "
                + "for your broker)");
        Map<String, String> properties = new HashMap<>(simulator.camelComponentProperties());
        Main first = create("instance-a", properties);
        Main second = create("instance-b", properties);
        first.start();
        second.start();
        List<OrderEvent> events = new ArrayList<>();
        try {
            // both instances are consuming before the events arrive, so the broker spreads the customers
            await(() -> broker.consumerCount(QUEUE) == 4, "both instances to consume");
            // LiveDesk is down for two requests: those events are rolled back and redelivered
            simulator.faults().inject(Fault.status(503)).forNext(2);
            String[] statuses = { "received", "packed", "shipped", "delivered" };
            for (String status : statuses) {
                for (int customer = 0; customer < DEMO_CUSTOMERS.length; customer++) {
                    events.add(new OrderEvent("A-100" + (customer + 1), DEMO_PHONE_NUMBERS[customer],
                            DEMO_CUSTOMERS[customer], status));
                }
            }
            ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(EmbeddedBroker.URL);
            OrderPublisher.publish(connectionFactory, QUEUE, events);
            OrderPublisher.publishRaw(connectionFactory, QUEUE, "order A-999 shipped", DEMO_PHONE_NUMBERS[0]);
            await(() -> simulator.messages().size() == events.size() && broker.messageCount(DEAD_LETTER_QUEUE) == 1,
                    "every event to be sent or dead-lettered");
            connectionFactory.close();
        } finally {
            second.stop();
            first.stop();
        }

        out.println();
        out.println("The simulator received " + simulator.requestCount() + " requests; " + broker.messageCount(QUEUE)
                + " messages left in " + QUEUE + ", " + broker.messageCount(DEAD_LETTER_QUEUE) + " in "
                + DEAD_LETTER_QUEUE + ". Each customer's conversation, in the order LiveDesk stored it:");
        for (SimulatedConversation conversation : simulator.conversations()) {
            SimulatedContact contact = conversation.contact().orElseThrow();
            out.println("  customer " + contact.phoneNumber() + " (" + contact.name() + "), contact " + contact.id()
                    + ", conversation " + conversation.id() + ":");
            for (StoredMessage message : conversation.messages()) {
                out.printf("    #%d %-6s template %s %s %s%n", message.id(), message.status(),
                        message.templateParams().get("name"), message.templateParams().get("processed_params"),
                        message.content());
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
