package io.github.camellivedesk.examples.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.main.Main;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Starts Camel Main with the YAML routes of {@code src/main/resources/routes} and the settings of
 * {@code application.properties}; the Java here only chooses where LiveDesk is. With {@code LIVEDESK_API_KEY} and
 * {@code LIVEDESK_API_SECRET} set it runs until stopped (Ctrl-C). Without them it starts the embedded simulator, drops
 * the sample files into the inbox, waits until the routes have taken them and prints what the simulator received.
 */
public final class YamlApplication {

    static final long SIMULATED_CONVERSATION = 141L;
    static final List<String> SAMPLES = List.of("text/order-1001.txt", "orders/order-1002.json", "notes/call-back.txt");

    private YamlApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        boolean real = env.containsKey("LIVEDESK_API_KEY") && env.containsKey("LIVEDESK_API_SECRET");
        if (!real && (env.containsKey("LIVEDESK_API_KEY") || env.containsKey("LIVEDESK_API_SECRET"))) {
            throw new IllegalStateException("Set both LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use the real "
                    + "LiveDesk, or neither to use the embedded simulator");
        }
        if (real) {
            Main main = new Main();
            System.out.println("Sending the files of the inbox folder (livedesk.inbox) to LiveDesk; Ctrl-C to stop");
            main.run(args);
            return;
        }
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(SIMULATED_CONVERSATION).build()
                .start()) {
            demo(simulator, System.out);
        }
    }

    /** A Camel Main whose properties point the livedesk component at the simulator. */
    static Main simulated(LiveDeskSimulator simulator, Map<String, String> overrides) {
        Main main = new Main();
        simulator.camelComponentProperties().forEach(main::addOverrideProperty);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    private static void demo(LiveDeskSimulator simulator, PrintStream out) throws Exception {
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl() + " (set LIVEDESK_API_KEY and "
                + "LIVEDESK_API_SECRET to use your LiveDesk account)");
        Main main = simulated(simulator, Map.of("livedesk.conversation-id", Long.toString(SIMULATED_CONVERSATION),
                "livedesk.inbox", System.getProperty("livedesk.demo-inbox", "target/inbox")));
        main.start();
        try {
            Path inbox = inbox(main);
            for (String sample : SAMPLES) {
                Path target = inbox.resolve(sample);
                Files.createDirectories(target.getParent());
                try (InputStream in = YamlApplication.class.getResourceAsStream("/samples/" + sample)) {
                    Files.copy(in, target);
                }
            }
            out.println("Dropped " + SAMPLES + " into " + inbox);
            awaitTaken(inbox, Duration.ofSeconds(30));
            out.println();
            out.println("Conversation " + SIMULATED_CONVERSATION + " now holds:");
            for (StoredMessage message : simulator.conversation(SIMULATED_CONVERSATION).messages()) {
                out.printf("  #%d %-6s%s%s %s%n", message.id(), message.status(),
                        message.privateMessage() ? " private note" : "",
                        message.isTemplate() ? " template " + message.templateParams().get("name") : "",
                        message.content().strip());
            }
        } finally {
            main.stop();
        }
    }

    private static Path inbox(Main main) {
        return Path.of(main.getCamelContext().resolvePropertyPlaceholders("{{livedesk.inbox}}")).toAbsolutePath();
    }

    /** Waits until every sample was moved to a sub-folder, that is, its route finished with it. */
    private static void awaitTaken(Path inbox, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (SAMPLES.stream().anyMatch(sample -> Files.exists(inbox.resolve(sample)))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The routes did not take the sample files within " + timeout);
            }
            Thread.sleep(100);
        }
        try (Stream<Path> errors = Files.walk(inbox)) {
            List<Path> failed = errors.filter(path -> path.getParent().endsWith(".error")).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("Not sent (see the log): " + failed);
            }
        }
    }
}
