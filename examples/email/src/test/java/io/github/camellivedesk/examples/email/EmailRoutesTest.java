package io.github.camellivedesk.examples.email;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.StoredAttachment;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Runs {@link EmailRoutes} as the app does, against the simulator and an embedded GreenMail IMAP/SMTP server. */
class EmailRoutesTest {

    private static final long CONVERSATION = 141L;

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(CONVERSATION)
            .build();

    private EmbeddedMailServer mailServer;
    private MailSender customer;
    private Main app;

    @BeforeEach
    void startMailServer() {
        mailServer = EmbeddedMailServer.start();
        customer = new MailSender(EmbeddedMailServer.HOST, mailServer.smtpPort());
    }

    @AfterEach
    void stopAppAndMailServer() {
        if (app != null) {
            app.stop();
        }
        mailServer.close();
    }

    @Test
    void eachUnreadMailBecomesOneMessageWithItsAttachmentsAndIsThenMarkedSeen() throws Exception {
        byte[] photo = bytes(300_000);
        byte[] receipt = bytes(2_000);
        Map<String, Map.Entry<String, byte[]>> attachments = new LinkedHashMap<>();
        attachments.put("damaged-box.jpg", Map.entry("image/jpeg", photo));
        attachments.put("receipt.pdf", Map.entry("application/pdf", receipt));
        customer.send("bo@example.org", EmbeddedMailServer.ADDRESS, "Parcel arrived damaged",
                "The box was crushed, photo and receipt attached.", attachments);
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Already answered", "Read by an agent", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> markSeen("Already answered"));
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Where is my order?", "Ordered last week.",
                Map.of());

        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> seen("INBOX").size() == 3);
        List<StoredMessage> messages = simulator().conversation(CONVERSATION).messages();
        assertThat(messages).extracting(StoredMessage::content).containsExactlyInAnyOrder(
                "Parcel arrived damaged\n\nThe box was crushed, photo and receipt attached.",
                "Where is my order?\n\nOrdered last week.");
        StoredMessage withFiles = messages.stream().filter(message -> !message.attachments().isEmpty()).findFirst()
                .orElseThrow();
        assertThat(withFiles.attachments())
                .extracting(StoredAttachment::fileName, StoredAttachment::contentType, StoredAttachment::size,
                        StoredAttachment::sha256)
                .containsExactlyInAnyOrder(
                        tuple("damaged-box.jpg", "image/jpeg", (long) photo.length, sha256(photo)),
                        tuple("receipt.pdf", "application/pdf", (long) receipt.length, sha256(receipt)));
        // the mail that was already seen was not sent
        assertThat(simulator().requestCount()).isEqualTo(2);
    }

    @Test
    void whileLiveDeskIsDownTheMailStaysUnseenAndIsSentOnceItIsBack() throws Exception {
        simulator().faults().inject(Fault.status(503)).always();
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Where is my order?", "Ordered last week.",
                Map.of());

        startApp();

        // a second attempt can only come from a poll that found the mail unseen after the first one failed
        await().atMost(Duration.ofSeconds(60)).until(() -> simulator().requestCount() >= 2);
        assertThat(seen("INBOX")).isEmpty();
        assertThat(simulator().messages()).isEmpty();

        simulator().faults().clear();
        await().atMost(Duration.ofSeconds(60)).until(() -> seen("INBOX").size() == 1);
        assertThat(simulator().messages()).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo("sent");
            assertThat(message.content()).isEqualTo("Where is my order?\n\nOrdered last week.");
        });
    }

    @Test
    void aMailLiveDeskRefusedIsMarkedSeenInTheFailedFolderAndNotSentAgain() throws Exception {
        simulator().conversation(CONVERSATION).closeWindow();
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Late question", "Still there?", Map.of());

        startApp();

        await().atMost(Duration.ofSeconds(60)).until(() -> seen("LiveDesk failed").size() == 1);
        assertThat(subjects("INBOX")).isEmpty();
        assertThat(simulator().messages()).singleElement().satisfies(message -> {
            assertThat(message.status()).isEqualTo("failed");
            assertThat(message.externalError()).startsWith("131047");
        });
        // a later mail is sent on a later poll, the refused one is not tried again
        simulator().conversation(CONVERSATION).customerReply("Hello?");
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Hello again", "Now?", Map.of());
        await().atMost(Duration.ofSeconds(60)).until(() -> seen("INBOX").size() == 1);
        assertThat(simulator().conversation(CONVERSATION).messages())
                .extracting(StoredMessage::content, StoredMessage::status)
                .containsExactly(tuple("Late question\n\nStill there?", "failed"), tuple("Hello?", "sent"),
                        tuple("Hello again\n\nNow?", "sent"));
    }

    private void startApp() {
        Map<String, String> properties = new HashMap<>(LIVEDESK.camelComponentProperties());
        properties.putAll(mailServer.mailProperties());
        properties.put("mail.poll-delay", "100");
        properties.put("livedesk.conversation-id", Long.toString(CONVERSATION));
        app = EmailApplication.create(properties);
        app.start();
    }

    private static LiveDeskSimulator simulator() {
        return LIVEDESK.simulator();
    }

    /** The subjects of the seen mails of a folder, read without changing any flag. */
    private List<String> seen(String folderName) throws Exception {
        return read(folderName, true);
    }

    private List<String> subjects(String folderName) throws Exception {
        return read(folderName, false);
    }

    private List<String> read(String folderName, boolean onlySeen) throws Exception {
        try (Store store = imap()) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return List.of();
            }
            folder.open(Folder.READ_ONLY);
            try {
                List<String> subjects = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    if (!message.isSet(Flags.Flag.DELETED) && (!onlySeen || message.isSet(Flags.Flag.SEEN))) {
                        subjects.add(message.getSubject());
                    }
                }
                return subjects;
            } finally {
                folder.close(false);
            }
        }
    }

    /** Marks the mail with this subject seen, as a mail client does; false while it has not arrived yet. */
    private boolean markSeen(String subject) throws Exception {
        try (Store store = imap()) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            boolean found = false;
            for (Message message : inbox.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    message.setFlag(Flags.Flag.SEEN, true);
                    found = true;
                }
            }
            inbox.close(false);
            return found;
        }
    }

    private Store imap() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(EmbeddedMailServer.HOST, mailServer.imapPort(), EmbeddedMailServer.USERNAME,
                EmbeddedMailServer.PASSWORD);
        return store;
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
