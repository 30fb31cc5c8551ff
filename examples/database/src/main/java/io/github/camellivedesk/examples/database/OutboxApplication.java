package io.github.camellivedesk.examples.database;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Runs the outbox routes with Camel Main. Against the embedded simulator (no LiveDesk credentials set) it runs a demo:
 * it writes rows for two customers the simulator does not know, waits until the outbox is drained, writes two more,
 * one of them to a customer whose 24-hour window has closed since, lets that customer reply, retries the failed row
 * and prints the table. With {@code LIVEDESK_API_KEY} and
 * {@code LIVEDESK_API_SECRET} set it polls the configured database until stopped (Ctrl-C).
 */
public final class OutboxApplication {

    /** The demo's customers, as the shop knows them: a phone number and a name, no LiveDesk conversation. */
    static final String ANA = "+4915100000001";
    static final String BO = "+4915100000002";

    private OutboxApplication() {
    }

    public static void main(String[] args) throws Exception {
        // no conversation to seed: the component creates each customer's contact and conversation
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(System.getenv(), Conversation.PER_MESSAGE)) {
            Main main = newMain(target.camelProperties());
            if (target.simulator() == null) {
                System.out.println("Sending the outbox table to LiveDesk; Ctrl-C to stop");
                main.run(args);
            } else {
                demo(main, target.simulator(), System.out);
            }
        }
    }

    /** A Camel Main with the outbox routes; {@code properties} override application.properties. */
    static Main newMain(Map<String, String> properties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new OutboxRoutes());
        properties.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                createSchema(configured.getCamelContext());
            }
        });
        return main;
    }

    /** Runs sql/outbox-schema.sql once, before the routes start, unless outbox.create-schema is false. */
    private static void createSchema(CamelContext camel) {
        if (Boolean.parseBoolean(camel.resolvePropertyPlaceholders("{{outbox.create-schema}}"))) {
            DataSource outbox = camel.getRegistry().lookupByNameAndType("outbox", DataSource.class);
            new ResourceDatabasePopulator(new ClassPathResource("sql/outbox-schema.sql")).execute(outbox);
        }
    }

    static void demo(Main main, LiveDeskSimulator simulator, PrintStream out) throws Exception {
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl() + " and an embedded H2 database "
                + "(set LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use your LiveDesk account)");
        main.start();
        try {
            DataSource outbox = main.getCamelContext().getRegistry().lookupByNameAndType("outbox", DataSource.class);
            insert(outbox, ANA, "Ana", "Your order 1001 has shipped.");
            insert(outbox, BO, "Bo", "Your order 2001 has shipped.");
            insert(outbox, ANA, "Ana", "Your order 1002 has shipped.");
            awaitDrained(outbox, Duration.ofSeconds(30));
            printOutbox(outbox, out, "once every row was sent");

            // a day later: Bo has not written for over 24 hours, so WhatsApp refuses free-form messages to him
            long bosConversation = conversationOf(simulator, BO);
            simulator.conversation(bosConversation).closeWindow();
            insert(outbox, BO, "Bo", "Your refund has been issued.");
            insert(outbox, ANA, "Ana", "Your order 1003 has shipped.");
            awaitDrained(outbox, Duration.ofSeconds(30));
            printOutbox(outbox, out, "a day later");

            simulator.conversation(bosConversation).customerReply("Hi, where is my refund?");
            main.getCamelContext().createProducerTemplate()
                    .sendBody(OutboxRoutes.CUSTOMER_REPLIED, Long.toString(bosConversation));
            printOutbox(outbox, out, "after Bo replied in conversation " + bosConversation);

            out.println();
            out.println("The simulator holds one contact and one conversation per customer:");
            for (SimulatedConversation conversation : simulator.conversations()) {
                SimulatedContact contact = conversation.contact().orElseThrow();
                out.println("  " + contact.name() + " " + contact.phoneNumber() + ", contact " + contact.id()
                        + ", conversation " + conversation.id() + ":");
                for (StoredMessage message : conversation.messages()) {
                    out.printf("    #%d %-8s %-6s retries %d  %s%n", message.id(), message.messageType(),
                            message.status(), message.retryCount(), message.content());
                }
            }
        } finally {
            main.stop();
        }
    }

    /** What the application does, in the transaction of its own data: a message to a customer. */
    static void insert(DataSource outbox, String phoneNumber, String customerName, String content)
            throws SQLException {
        try (Connection connection = outbox.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox (phone_number, customer_name, content) VALUES (?, ?, ?)")) {
            insert.setString(1, phoneNumber);
            insert.setString(2, customerName);
            insert.setString(3, content);
            insert.executeUpdate();
        }
    }

    /** The conversation the component created for the customer with this phone number. */
    static long conversationOf(LiveDeskSimulator simulator, String phoneNumber) {
        return simulator.conversations().stream()
                .filter(conversation -> conversation.contact().map(SimulatedContact::phoneNumber)
                        .filter(phoneNumber::equals).isPresent())
                .mapToLong(SimulatedConversation::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no conversation for " + phoneNumber));
    }

    private static void awaitDrained(DataSource outbox, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (pending(outbox) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The outbox still has rows to send after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static int pending(DataSource outbox) throws SQLException {
        try (Connection connection = outbox.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM outbox WHERE status IN ('new', 'sending')");
                ResultSet result = count.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    private static void printOutbox(DataSource outbox, PrintStream out, String when) throws SQLException {
        out.println();
        out.println("The outbox table " + when + ":");
        out.printf("  %-3s %-15s %-12s %-8s %-10s %-8s %s%n", "id", "phone_number", "conversation", "status",
                "livedesk", "attempts", "external_error");
        try (Connection connection = outbox.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, conversation_id, status, livedesk_message_id, attempts, external_error, "
                                + "phone_number FROM outbox ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.printf("  %-3d %-15s %-12s %-8s %-10s %-8d %s%n", rows.getLong(1), rows.getString(7),
                        rows.getString(2), rows.getString(3), rows.getObject(4), rows.getInt(5),
                        rows.getString(6) == null ? "" : rows.getString(6));
            }
        }
    }
}
