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
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Runs the outbox routes with Camel Main. Against the embedded simulator (no LiveDesk credentials set) it runs a demo:
 * it writes four rows, one of them to a conversation whose 24-hour window is closed, waits until the outbox is
 * drained, lets that customer reply, retries the failed row and prints the table. With {@code LIVEDESK_API_KEY} and
 * {@code LIVEDESK_API_SECRET} set it polls the configured database until stopped (Ctrl-C).
 */
public final class OutboxApplication {

    /** The demo's conversations in the simulator: one with an open 24-hour window, one with a closed one. */
    static final long OPEN_CONVERSATION = 141L;
    static final long CLOSED_CONVERSATION = 142L;

    private OutboxApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(System.getenv(), Conversation.PER_MESSAGE,
                OPEN_CONVERSATION, CLOSED_CONVERSATION)) {
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
        simulator.conversation(CLOSED_CONVERSATION).closeWindow();
        main.start();
        try {
            DataSource outbox = main.getCamelContext().getRegistry().lookupByNameAndType("outbox", DataSource.class);
            insert(outbox, OPEN_CONVERSATION, "Your order 1001 has shipped.");
            insert(outbox, OPEN_CONVERSATION, "Your order 1002 has shipped.");
            insert(outbox, CLOSED_CONVERSATION, "Your refund has been issued.");
            insert(outbox, OPEN_CONVERSATION, "Your order 1003 has shipped.");
            awaitDrained(outbox, Duration.ofSeconds(30));
            printOutbox(outbox, out, "once every row was sent");

            simulator.conversation(CLOSED_CONVERSATION).customerReply("Hi, where is my refund?");
            main.getCamelContext().createProducerTemplate()
                    .sendBody(OutboxRoutes.CUSTOMER_REPLIED, Long.toString(CLOSED_CONVERSATION));
            printOutbox(outbox, out, "after customer " + CLOSED_CONVERSATION + " replied");

            out.println();
            out.println("The simulator holds:");
            for (StoredMessage message : simulator.messages()) {
                out.printf("  #%d conversation %d %-8s %-6s retries %d  %s%n", message.id(), message.conversationId(),
                        message.messageType(), message.status(), message.retryCount(), message.content());
            }
        } finally {
            main.stop();
        }
    }

    static void insert(DataSource outbox, long conversationId, String content) throws SQLException {
        try (Connection connection = outbox.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO outbox (conversation_id, content) VALUES (?, ?)")) {
            insert.setString(1, Long.toString(conversationId));
            insert.setString(2, content);
            insert.executeUpdate();
        }
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
        out.printf("  %-3s %-12s %-8s %-10s %-8s %s%n", "id", "conversation", "status", "livedesk", "attempts",
                "external_error");
        try (Connection connection = outbox.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id, conversation_id, status, livedesk_message_id, attempts, external_error "
                                + "FROM outbox ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.printf("  %-3d %-12s %-8s %-10s %-8d %s%n", rows.getLong(1), rows.getString(2), rows.getString(3),
                        rows.getObject(4), rows.getInt(5), rows.getString(6) == null ? "" : rows.getString(6));
            }
        }
    }
}
