package io.github.camellivedesk.examples.email;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.apache.camel.main.Main;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredAttachment;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Sends each unread mail of a mailbox to a LiveDesk conversation. With {@code LIVEDESK_API_KEY} and
 * {@code LIVEDESK_API_SECRET} set it polls the mailbox of the {@code MAIL_*} settings until stopped; without them it
 * runs a short demo against an embedded simulator and an embedded GreenMail server: two mails, one with attachments,
 * the first send answered 503 (LiveDesk down).
 */
public final class EmailApplication {

    static final long SIMULATED_CONVERSATION = 141L;

    private EmailApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(System.getenv(), Conversation.REQUIRED,
                SIMULATED_CONVERSATION)) {
            if (target.simulator() == null) {
                create(target.camelProperties()).run();
            } else {
                try (EmbeddedMailServer mailServer = EmbeddedMailServer.start()) {
                    demo(target.simulator(), mailServer, System.out);
                }
            }
        }
    }

    /** The Camel Main app: the routes of {@link EmailRoutes}, application.properties overridden by these. */
    static Main create(Map<String, String> properties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new EmailRoutes());
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    static void demo(LiveDeskSimulator simulator, EmbeddedMailServer mailServer, PrintStream out) throws Exception {
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl()
                + " and an embedded IMAP server on "
                + "port " + mailServer.imapPort() + " (set LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use your "
                + "LiveDesk account, MAIL_* for your mailbox)");
        MailSender customer = new MailSender(EmbeddedMailServer.HOST, mailServer.smtpPort());
        customer.send("ana@example.org", EmbeddedMailServer.ADDRESS, "Where is my order A-1001?",
                "Hello, I ordered last week and have not heard back.", Map.of());
        Map<String, Map.Entry<String, byte[]>> attachments = new LinkedHashMap<>();
        attachments.put("receipt.pdf", Map.entry("application/pdf",
                "%PDF-1.4\n% a sample receipt\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        attachments.put("damaged-box.png",
                Map.entry("image/png", new byte[]{ (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }));
        customer.send("bo@example.org", EmbeddedMailServer.ADDRESS, "Parcel arrived damaged",
                "The box was crushed, photo and receipt attached.", attachments);
        // LiveDesk is down for the first request: that mail stays unseen and is sent on the next poll
        simulator.faults().inject(Fault.status(503)).forNext(1);

        Map<String, String> properties = new HashMap<>(simulator.camelComponentProperties());
        properties.putAll(mailServer.mailProperties());
        properties.put("livedesk.conversation-id", Long.toString(SIMULATED_CONVERSATION));
        properties.put("mail.poll-delay", "500");
        Main main = create(properties);
        main.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            BooleanSupplier done = () -> simulator.messages().size() == 2;
            while (!done.getAsBoolean()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Gave up waiting for the two mails to reach LiveDesk");
                }
                Thread.sleep(100);
            }
        } finally {
            main.stop();
        }

        out.println();
        out.println("The simulator received " + simulator.requestCount() + " requests; conversation "
                + SIMULATED_CONVERSATION + " now holds:");
        for (StoredMessage message : simulator.conversation(SIMULATED_CONVERSATION).messages()) {
            out.printf("  #%d %-6s %s%n", message.id(), message.status(), message.content().replace("\n\n", " / "));
            for (StoredAttachment attachment : message.attachments()) {
                out.printf("       %s (%s), %d bytes, sha256 %s%n", attachment.fileName(), attachment.contentType(),
                        attachment.size(), attachment.sha256());
            }
        }
    }
}
