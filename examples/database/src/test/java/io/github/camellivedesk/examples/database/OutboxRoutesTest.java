package io.github.camellivedesk.examples.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.StoredMessage;

import static io.github.camellivedesk.examples.database.OutboxApplication.ANA;
import static io.github.camellivedesk.examples.database.OutboxApplication.BO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Runs {@link OutboxRoutes} with the example's application.properties against the simulator and an H2 database. The
 * rows name customers by phone number; the simulator knows no conversation, so every contact and conversation is one
 * the component created.
 */
class OutboxRoutesTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().build();

    private final String database = "jdbc:h2:mem:outbox-test-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    private final List<Main> started = new ArrayList<>();

    @AfterEach
    void stopCamel() {
        started.forEach(Main::stop);
    }

    @Test
    void sendsEveryNewRowOnceToItsCustomerAndRecordsTheMessageAndTheConversation(LiveDeskSimulator simulator)
            throws Exception {
        DataSource outbox = start(Map.of()).getCamelContext().getRegistry().lookupByNameAndType("outbox",
                DataSource.class);
        OutboxApplication.insert(outbox, ANA, "Ana", "Your order 1001 has shipped.");
        OutboxApplication.insert(outbox, BO, "Bo", "Your order 2001 has shipped.");
        OutboxApplication.insert(outbox, ANA, "Ana", "Your order 1002 has shipped.");

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 3);

        // one contact, named as in the row, and one conversation per customer
        assertThat(simulator.contacts()).extracting(SimulatedContact::phoneNumber, SimulatedContact::name)
                .containsExactlyInAnyOrder(tuple(ANA, "Ana"), tuple(BO, "Bo"));
        assertThat(simulator.conversations()).hasSize(2);
        long anasConversation = OutboxApplication.conversationOf(simulator, ANA);
        long bosConversation = OutboxApplication.conversationOf(simulator, BO);
        List<StoredMessage> toAna = simulator.conversation(anasConversation).messages();
        assertThat(toAna).extracting(StoredMessage::content)
                .containsExactly("Your order 1001 has shipped.", "Your order 1002 has shipped.");
        StoredMessage toBo = simulator.conversation(bosConversation).messages().get(0);
        List<Map<String, Object>> rows = rows(outbox);
        assertThat(rows).extracting(row -> row.get("livedesk_message_id"))
                .containsExactly(toAna.get(0).id(), toBo.id(), toAna.get(1).id());
        // each row names the conversation its message went to, from the answer's CamelLiveDeskConversationId
        assertThat(rows).extracting(row -> row.get("conversation_id")).containsExactly(
                Long.toString(anasConversation), Long.toString(bosConversation), Long.toString(anasConversation));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row).containsEntry("claimed_by", "outbox-1").containsEntry("attempts", 1);
            assertThat(row.get("external_error")).isNull();
        });
    }

    @Test
    void aMessageRefusedOutsideTheWindowIsRecordedAsFailedAndRetriedOnceTheCustomerReplied(
            LiveDeskSimulator simulator) throws Exception {
        Main main = start(Map.of());
        DataSource outbox = main.getCamelContext().getRegistry().lookupByNameAndType("outbox", DataSource.class);
        OutboxApplication.insert(outbox, BO, "Bo", "Your order 2001 has shipped.");
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 1);
        // Bo has not written for over 24 hours since
        long bosConversation = OutboxApplication.conversationOf(simulator, BO);
        simulator.conversation(bosConversation).closeWindow();
        OutboxApplication.insert(outbox, BO, "Bo", "Your refund has been issued.");

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "failed") == 1);
        StoredMessage refused = simulator.conversation(bosConversation).messages().get(1);
        assertThat(refused.status()).isEqualTo("failed");
        Map<String, Object> failedRow = rows(outbox).get(1);
        assertThat(failedRow).containsEntry("livedesk_message_id", refused.id())
                .containsEntry("external_error_code", 131047)
                // the conversation is recorded for a failed message too: the retry route finds the row by it
                .containsEntry("conversation_id", Long.toString(bosConversation));
        assertThat((String) failedRow.get("external_error")).startsWith("131047");

        // another conversation's customer replied: the retry route leaves the row as it is
        main.getCamelContext().createProducerTemplate()
                .sendBody(OutboxRoutes.CUSTOMER_REPLIED, Long.toString(bosConversation + 1000));
        assertThat(rows(outbox).get(1)).containsEntry("status", "failed");

        simulator.conversation(bosConversation).customerReply("Hi, where is my refund?");
        main.getCamelContext().createProducerTemplate()
                .sendBody(OutboxRoutes.CUSTOMER_REPLIED, Long.toString(bosConversation));

        assertThat(rows(outbox).get(1)).containsEntry("status", "sent")
                .containsEntry("livedesk_message_id", refused.id()).containsEntry("attempts", 2);
        assertThat(rows(outbox).get(1).get("external_error")).isNull();
        StoredMessage resent = simulator.message(refused.id()).orElseThrow();
        assertThat(resent.status()).isEqualTo("sent");
        assertThat(resent.retryCount()).isEqualTo(1);
        // retried, not sent again: the first message, the refused one and the customer's reply, nothing else
        assertThat(simulator.conversation(bosConversation).messages()).hasSize(3);
        assertThat(simulator.conversations()).hasSize(1);
    }

    @Test
    void aRestartAfterABatchSendsTheRestAndNothingTwice(LiveDeskSimulator simulator) throws Exception {
        DataSource outbox = existingOutbox(7);
        // the first poll takes three rows, and the next would come only in an hour
        Main first = start(Map.of("outbox.batch-size", "3", "outbox.poll-delay", "3600000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 3);
        stop(first);
        assertThat(countWithStatus(outbox, "new")).isEqualTo(4);
        assertThat(simulator.messages()).hasSize(3);

        // the restarted app remembers no customer: LiveDesk refuses Ana's contact as a duplicate, and the component
        // finds it and its open conversation instead of starting a second one
        start(Map.of("outbox.batch-size", "3", "outbox.poll-delay", "50"));
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 7);

        assertThat(simulator.contacts()).hasSize(1);
        assertThat(simulator.conversations()).hasSize(1);
        assertThat(simulator.conversation(OutboxApplication.conversationOf(simulator, ANA)).messages())
                .extracting(StoredMessage::content)
                .containsExactly("Order 1", "Order 2", "Order 3", "Order 4", "Order 5", "Order 6", "Order 7");
        assertThat(rows(outbox)).extracting(row -> row.get("attempts")).containsOnly(1);
    }

    @Test
    void aStopInTheMiddleOfABatchLeavesNoRowHalfSentAndTheRestartSendsTheRestOnce(LiveDeskSimulator simulator)
            throws Exception {
        DataSource outbox = existingOutbox(5);
        // slow answers, so that the stop comes while the batch of five is being sent
        simulator.faults().inject(Fault.latency(Duration.ofMillis(300))).always();
        Main first = start(Map.of("outbox.batch-size", "5", "outbox.poll-delay", "3600000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") >= 1);
        stop(first);
        // wherever the stop came, each row was sent and recorded, or not claimed at all
        int sent = countWithStatus(outbox, "sent");
        assertThat(countWithStatus(outbox, "new")).isEqualTo(5 - sent);
        assertThat(simulator.messages()).hasSize(sent);

        simulator.faults().clear();
        start(Map.of("outbox.poll-delay", "50"));
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 5);
        assertThat(simulator.conversations()).hasSize(1);
        assertThat(simulator.conversation(OutboxApplication.conversationOf(simulator, ANA)).messages())
                .extracting(StoredMessage::content)
                .containsExactly("Order 1", "Order 2", "Order 3", "Order 4", "Order 5");
    }

    @Test
    void whenLiveDeskIsDownRowsAreSentAgainOnlyIfLiveDeskSurelyDidNotReceiveThem(LiveDeskSimulator simulator)
            throws Exception {
        Main main = start(Map.of("outbox.poll-delay", "50"));
        DataSource outbox = main.getCamelContext().getRegistry().lookupByNameAndType("outbox", DataSource.class);
        // the customers' conversations exist (and are remembered), so that the faults hit the messages below
        OutboxApplication.insert(outbox, ANA, "Ana", "Hello Ana");
        OutboxApplication.insert(outbox, BO, "Bo", "Hello Bo");
        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 2);
        long anasConversation = OutboxApplication.conversationOf(simulator, ANA);
        long bosConversation = OutboxApplication.conversationOf(simulator, BO);
        // a 429 beyond the component's own rate-limit retries: LiveDesk did not process it
        simulator.faults().inject(Fault.rateLimit(Duration.ZERO)).forConversation(Long.toString(anasConversation))
                .forNext(4);
        // a 503 from LiveDesk's gateway: the request may have been processed, so it must not be sent blindly again
        simulator.faults().inject(Fault.status(503)).forConversation(Long.toString(bosConversation)).forNext(1);
        OutboxApplication.insert(outbox, ANA, "Ana", "Rate limited first");
        OutboxApplication.insert(outbox, BO, "Bo", "Hit a 503");

        await().atMost(Duration.ofSeconds(30)).until(() -> countWithStatus(outbox, "sent") == 3
                && countWithStatus(outbox, "in_doubt") == 1);

        List<Map<String, Object>> rows = rows(outbox);
        assertThat(rows.get(2)).containsEntry("status", "sent").containsEntry("attempts", 2);
        assertThat((String) rows.get(2).get("last_error")).isNull();
        assertThat(rows.get(3)).containsEntry("status", "in_doubt").containsEntry("attempts", 1);
        assertThat((String) rows.get(3).get("last_error")).contains("503");
        assertThat(simulator.conversation(anasConversation).messages()).extracting(StoredMessage::content)
                .containsExactly("Hello Ana", "Rate limited first");
        assertThat(simulator.conversation(bosConversation).messages()).extracting(StoredMessage::content)
                .containsExactly("Hello Bo");
    }

    /** The outbox table with rows written before the app starts, as after a downtime. */
    private DataSource existingOutbox(int rows) throws SQLException {
        DataSource outbox = new DriverManagerDataSource(database, "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("sql/outbox-schema.sql")).execute(outbox);
        for (int order = 1; order <= rows; order++) {
            OutboxApplication.insert(outbox, ANA, "Ana", "Order " + order);
        }
        return outbox;
    }

    private void stop(Main main) {
        main.stop();
        started.remove(main);
    }

    private Main start(Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>(LIVEDESK.camelComponentProperties());
        properties.put("outbox.jdbc-url", database);
        properties.put("outbox.poll-delay", "100");
        properties.putAll(overrides);
        Main main = OutboxApplication.newMain(properties);
        started.add(main);
        main.start();
        return main;
    }

    private static int countWithStatus(DataSource outbox, String status) throws SQLException {
        return (int) rows(outbox).stream().filter(row -> status.equals(row.get("status"))).count();
    }

    private static List<Map<String, Object>> rows(DataSource outbox) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection connection = outbox.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT * FROM outbox ORDER BY id");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                    row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
