package io.github.camellivedesk.examples.file;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.main.Main;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredAttachment;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Sends every file dropped in a folder to a LiveDesk conversation. With {@code LIVEDESK_API_KEY} and
 * {@code LIVEDESK_API_SECRET} set it watches {@code documents.inbox} until stopped; without them it runs a short demo
 * against an embedded simulator: a few sample documents, one answered 503 (LiveDesk down) and one refused (the
 * conversation's 24-hour window is closed).
 */
public final class FileApplication {

    static final long SIMULATED_CONVERSATION = 141L;

    private FileApplication() {
    }

    public static void main(String[] args) throws Exception {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(System.getenv(), Conversation.REQUIRED,
                SIMULATED_CONVERSATION)) {
            if (target.simulator() == null) {
                create(target.camelProperties()).run();
            } else {
                demo(target.simulator(), System.out);
            }
        }
    }

    /** The Camel Main app: the routes of {@link DocumentRoutes}, application.properties overridden by these. */
    static Main create(Map<String, String> properties) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new DocumentRoutes());
        properties.forEach(main::addOverrideProperty);
        return main;
    }

    static void demo(LiveDeskSimulator simulator, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("livedesk-documents");
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Map<String, String> properties = new HashMap<>(simulator.camelComponentProperties());
        properties.put("documents.inbox", inbox.toString());
        properties.put("documents.sent-files", work.resolve("sent-files.dat").toString());
        properties.put("livedesk.conversation-id", Long.toString(SIMULATED_CONVERSATION));
        properties.put("documents.poll-delay", "200");
        properties.put("documents.read-lock-check-interval", "200");
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl() + " (set LIVEDESK_API_KEY and "
                + "LIVEDESK_API_SECRET to use your LiveDesk account); inbox " + inbox);

        Files.writeString(inbox.resolve("invoice_2026-11.pdf"), "%PDF-1.4\n% a sample invoice\n%%EOF\n");
        Files.writeString(inbox.resolve("delivery-note-7781.txt"), "Delivered: 3 parcels, signed by A. Lima\n");
        Files.write(inbox.resolve("price-list.csv"),
                "sku,price\nA-1,9.90\nB-2,19.90\n".getBytes(StandardCharsets.UTF_8));
        // LiveDesk is down for the first request: that file stays in the inbox and goes with the next poll
        simulator.faults().inject(Fault.status(503)).forNext(1);

        Main main = create(properties);
        main.start();
        try {
            awaitFiles(inbox.resolve(".done"), 3);
            // the customer has not written for over 24 hours: WhatsApp refuses free-form messages, LiveDesk answers
            // the message as failed and the file goes to .failed instead of being sent again and again
            simulator.conversation(SIMULATED_CONVERSATION).closeWindow();
            Files.writeString(inbox.resolve("late-notice.txt"), "Your order ships tomorrow\n");
            awaitFiles(inbox.resolve(".failed"), 1);
        } finally {
            main.stop();
        }

        out.println();
        out.println("The simulator received " + simulator.requestCount() + " requests; conversation "
                + SIMULATED_CONVERSATION + " now holds:");
        for (StoredMessage message : simulator.conversation(SIMULATED_CONVERSATION).messages()) {
            out.printf("  #%d %-6s %s%s%n", message.id(), message.status(), message.content(),
                    message.externalError() != null ? " [" + message.externalError() + "]" : "");
            for (StoredAttachment attachment : message.attachments()) {
                out.printf("       %s, %d bytes, sha256 %s%n", attachment.fileName(), attachment.size(),
                        attachment.sha256());
            }
        }
        out.println("Inbox " + list(inbox) + ", .done " + list(inbox.resolve(".done")) + ", .failed "
                + list(inbox.resolve(".failed")));
    }

    private static void awaitFiles(Path folder, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (list(folder).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Expected " + count + " files in " + folder + " within 60 s");
            }
            Thread.sleep(100);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
