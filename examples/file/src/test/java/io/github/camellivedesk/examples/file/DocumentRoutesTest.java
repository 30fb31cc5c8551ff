package io.github.camellivedesk.examples.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.StoredAttachment;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Runs {@link DocumentRoutes} as the app does, against the simulator and a real folder. */
class DocumentRoutesTest {

    private static final long CONVERSATION = 141L;

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(CONVERSATION)
            .build();

    @TempDir
    Path work;

    private Path inbox;
    private Main app;

    @BeforeEach
    void createInbox() throws IOException {
        inbox = Files.createDirectories(work.resolve("inbox"));
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void sendsEachFileOnceWithItsCaptionAndMovesItToDone() throws Exception {
        byte[] invoice = document(inbox.resolve("invoice_2026-11.pdf"), 70_000);
        byte[] note = document(inbox.resolve("delivery-note.txt"), 300);

        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox.resolve(".done")).size() == 2);
        // two files may be in flight at once, so their order in the conversation is not fixed
        List<StoredMessage> messages = simulator().conversation(CONVERSATION).messages();
        assertThat(messages).allSatisfy(message -> assertThat(message.status()).isEqualTo("sent"));
        assertThat(messages).extracting(StoredMessage::content).containsExactlyInAnyOrder(
                "Delivery note (delivery-note.txt)", "Invoice 2026 11 (invoice_2026-11.pdf)");
        assertThat(messages).flatExtracting(StoredMessage::attachments)
                .extracting(StoredAttachment::fileName, StoredAttachment::size, StoredAttachment::sha256)
                .containsExactlyInAnyOrder(
                        tuple("delivery-note.txt", (long) note.length, sha256(note)),
                        tuple("invoice_2026-11.pdf", (long) invoice.length, sha256(invoice)));
        assertThat(messages).allSatisfy(message -> assertThat(message.content())
                .endsWith("(" + message.attachments().get(0).fileName() + ")"));
        assertThat(files(inbox)).isEmpty();
        assertThat(files(inbox.resolve(".done"))).containsExactly("delivery-note.txt", "invoice_2026-11.pdf");
        assertThat(files(inbox.resolve(".failed"))).isEmpty();
    }

    @Test
    void aRestartDoesNotSendAFileAgainThatLiveDeskAlreadyAccepted() throws Exception {
        document(inbox.resolve("contract.pdf"), 5_000);
        startApp();
        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox.resolve(".done")).contains("contract.pdf"));
        app.stop();
        int requests = simulator().requestCount();

        // as if the app had stopped after LiveDesk accepted the file but before the file was moved: it is back in
        // the inbox, same name, size and date, when the app starts again
        Files.move(inbox.resolve(".done/contract.pdf"), inbox.resolve("contract.pdf"));
        byte[] fresh = document(inbox.resolve("contract-annex.pdf"), 2_000);
        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox).isEmpty()
                && files(inbox.resolve(".done")).size() == 2);
        assertThat(simulator().conversation(CONVERSATION).messages())
                .extracting(message -> message.attachments().get(0).fileName())
                .containsExactly("contract.pdf", "contract-annex.pdf");
        assertThat(simulator().conversation(CONVERSATION).messages().get(1).attachments().get(0).sha256())
                .isEqualTo(sha256(fresh));
        assertThat(simulator().requestCount()).isEqualTo(requests + 1);
    }

    @Test
    void whileLiveDeskIsDownTheFileStaysInTheInboxAndIsSentOnceItIsBack() throws Exception {
        byte[] report = document(inbox.resolve("report.pdf"), 10_000);
        simulator().faults().inject(Fault.status(503)).forNext(2);
        simulator().faults().inject(Fault.dropBeforeRead()).forNext(1);

        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox.resolve(".done")).contains("report.pdf"));
        // three failed attempts (two 503s, a dropped connection), then the one that LiveDesk stored
        assertThat(simulator().requestCount()).isEqualTo(4);
        assertThat(simulator().conversation(CONVERSATION).messages()).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo("sent");
            assertThat(message.attachments()).extracting(StoredAttachment::sha256).containsExactly(sha256(report));
        });
        assertThat(files(inbox.resolve(".failed"))).isEmpty();
    }

    @Test
    void aRefusedFileGoesToFailedAndIsSentWhenMovedBackAfterTheCustomerWrote() throws Exception {
        simulator().conversation(CONVERSATION).closeWindow();
        document(inbox.resolve("late-offer.pdf"), 1_000);

        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox.resolve(".failed")).contains("late-offer.pdf"));
        assertThat(simulator().conversation(CONVERSATION).messages()).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo("failed");
            assertThat(message.externalError()).startsWith("131047");
        });
        assertThat(files(inbox.resolve(".done"))).isEmpty();

        // the customer writes again, an operator moves the file back: a refused file was not recorded as sent
        simulator().conversation(CONVERSATION).customerReply("Hi, is the offer still valid?");
        Files.move(inbox.resolve(".failed/late-offer.pdf"), inbox.resolve("late-offer.pdf"));

        await().atMost(Duration.ofSeconds(60)).until(() -> files(inbox.resolve(".done")).contains("late-offer.pdf"));
        assertThat(simulator().conversation(CONVERSATION).messages())
                .extracting(StoredMessage::messageType, StoredMessage::status)
                .containsExactly(tuple("outgoing", "failed"), tuple("incoming", "sent"), tuple("outgoing", "sent"));
    }

    private void startApp() {
        Map<String, String> properties = new HashMap<>(LIVEDESK.camelComponentProperties());
        properties.put("documents.inbox", inbox.toString());
        properties.put("documents.sent-files", work.resolve("sent-files.dat").toString());
        properties.put("documents.poll-delay", "100");
        properties.put("documents.read-lock-check-interval", "100");
        properties.put("livedesk.conversation-id", Long.toString(CONVERSATION));
        app = FileApplication.create(properties);
        app.start();
    }

    private static LiveDeskSimulator simulator() {
        return LIVEDESK.simulator();
    }

    private static byte[] document(Path path, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(path.getFileName().toString().hashCode()).nextBytes(bytes);
        Files.write(path, bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
