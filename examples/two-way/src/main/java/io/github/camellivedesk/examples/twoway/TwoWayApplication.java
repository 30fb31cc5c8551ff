package io.github.camellivedesk.examples.twoway;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredMessage;
import io.github.camellivedesk.simulator.WebhookDelivery;

/**
 * The two-way loop with Camel Main. Without LiveDesk credentials it runs a demo against the embedded simulator, which
 * posts its signed webhook events to this app: a template goes out, a text is refused by WhatsApp's 24-hour rule
 * (131047), the simulated customer writes, the route hears it through {@code livedesk:events}, writes the reply to a
 * file and resends the refused text, which now goes through. With {@code LIVEDESK_API_KEY},
 * {@code LIVEDESK_API_SECRET}, {@code LIVEDESK_CONVERSATION_ID} and {@code LIVEDESK_WEBHOOK_SECRET} set it listens on
 * port {@code TWO_WAY_PORT} (8080) until stopped: set the API channel's webhook URL to
 * {@code https://<this host>/livedesk/events}.
 */
public final class TwoWayApplication {

    static final long CONVERSATION = 141L;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private TwoWayApplication() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        // beside the folder the run profile names for the examples' files (this module's target/), whatever folder
        // Maven runs in
        Path replies = Path.of(System.getProperty("livedesk.demo-inbox", "target/inbox")).resolveSibling("replies");
        if (env.containsKey("LIVEDESK_API_KEY") || env.containsKey("LIVEDESK_API_SECRET")) {
            try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(env, Conversation.REQUIRED)) {
                String secret = Optional.ofNullable(env.get("LIVEDESK_WEBHOOK_SECRET")).orElseThrow(
                        () -> new IllegalStateException("Set LIVEDESK_WEBHOOK_SECRET to the API channel's webhook "
                                + "secret: the app accepts only deliveries signed with it"));
                Map<String, String> properties = new LinkedHashMap<>(target.camelProperties());
                properties.put("livedesk.webhook-secret", secret);
                int port = Integer.parseInt(env.getOrDefault("TWO_WAY_PORT", "8080"));
                System.out.println("Listening for LiveDesk's webhook events on port " + port
                        + " at /livedesk/events; Ctrl-C to stop");
                newMain(properties, new WaitingMessages(), "0.0.0.0", port, replies).run(args);
            }
            return;
        }
        demo(replies, System.out);
    }

    /** A Camel Main with the routes and an HTTP server on {@code host:port} for livedesk:events. */
    static Main newMain(Map<String, String> properties, WaitingMessages waiting, String host, int port,
            Path replies) {
        Main main = new Main();
        main.configure().addRoutesBuilder(new TwoWayRoutes(waiting));
        properties.forEach(main::addOverrideProperty);
        main.addOverrideProperty("two-way.replies-folder", replies.toAbsolutePath().toString());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                // what camel-platform-http-main does with camel.server.enabled=true
                VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
                server.setBindHost(host);
                server.setBindPort(port);
                // no body larger than the consumer's limit is read whole (livedesk:events' maxBodySize)
                server.setMaxBodySize(1024L * 1024);
                try {
                    configured.getCamelContext().addService(new VertxPlatformHttpServer(server));
                } catch (Exception e) {
                    throw new RuntimeCamelException("Cannot add the HTTP server on " + host + ":" + port, e);
                }
            }
        });
        return main;
    }

    /** The demo against a simulator that posts its events to this app; returns the conversation's messages. */
    static List<StoredMessage> demo(Path replies, PrintStream out) throws Exception {
        int port = freePort();
        String secret = UUID.randomUUID().toString();
        LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(CONVERSATION)
                .webhook("http://127.0.0.1:" + port + "/livedesk/events", secret).build().start();
        out.println("Using the embedded LiveDesk simulator at " + simulator.baseUrl() + "; it posts its webhook "
                + "events to http://127.0.0.1:" + port + "/livedesk/events");
        simulator.conversation(CONVERSATION).closeWindow();

        Map<String, String> properties = new LinkedHashMap<>(simulator.camelComponentProperties());
        properties.put(LiveDeskTarget.CONVERSATION_PROPERTY, Long.toString(CONVERSATION));
        properties.put("livedesk.webhook-secret", secret);
        WaitingMessages waiting = new WaitingMessages();
        Main main = newMain(properties, waiting, "127.0.0.1", port, replies);
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            template.sendBodyAndHeader("direct:template", Map.of("1", "Ana", "2", "delayed"),
                    LiveDeskConstants.CONTENT, "Order update for Ana: delayed");
            out.println("1. Sent the order_update template (allowed outside the 24-hour window)");
            template.sendBody("direct:notify", "Your parcel is delayed: reply to choose a new delivery day.");
            await(() -> waiting.size() == 1, "the refused text to wait for the customer");
            out.println("2. The free text was refused with 131047 and waits for the customer to write");

            simulator.conversation(CONVERSATION).customerReply("Tomorrow works, thanks!");
            out.println("3. The customer wrote");
            await(() -> simulator.messages().stream()
                    .anyMatch(message -> message.retryCount() == 1 && "sent".equals(message.status())),
                    "the refused text to be resent");
            out.println("4. livedesk:events heard the reply, and the text was resent and went through");

            out.println();
            out.println("The simulator holds:");
            for (StoredMessage message : simulator.messages()) {
                out.printf("  #%d %-8s %-6s retries %d  %s%n", message.id(), message.messageType(), message.status(),
                        message.retryCount(), message.content());
            }
            List<WebhookDelivery> deliveries = simulator.webhookDeliveries();
            out.println("Webhook deliveries: " + deliveries.size() + ", answered 2xx: "
                    + deliveries.stream().filter(WebhookDelivery::succeeded).count());
            out.println("Customer replies written to " + replies.toAbsolutePath() + ":");
            try (Stream<Path> files = Files.list(replies)) {
                files.sorted().forEach(file -> out.println("  " + file.getFileName()));
            }
            return simulator.conversation(CONVERSATION).messages();
        } finally {
            main.stop();
            simulator.close();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Waited " + DEADLINE.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
