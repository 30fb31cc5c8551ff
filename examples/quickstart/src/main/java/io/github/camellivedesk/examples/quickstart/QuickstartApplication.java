package io.github.camellivedesk.examples.quickstart;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.main.Main;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Sends a text message, a private reply, a WhatsApp template, the retry of a failed message and a template to a
 * customer known by phone number through {@code livedesk:} endpoints, then prints what LiveDesk received. Runs
 * against an embedded simulator unless {@code LIVEDESK_API_KEY}, {@code LIVEDESK_API_SECRET} and
 * {@code LIVEDESK_CONVERSATION_ID} are set. Its last line is the simulator's inbox page;
 * {@code -Dlivedesk.keepRunning=true} keeps the simulator running until Ctrl-C, so a person can open the page and look
 * at the conversations.
 */
public final class QuickstartApplication {

    static final long SIMULATED_CONVERSATION = 141L;
    static final String KEEP_RUNNING = "livedesk.keepRunning";

    private QuickstartApplication() {
    }

    public static void main(String[] args) throws Exception {
        boolean keepRunning = Boolean.getBoolean(KEEP_RUNNING);
        try (LiveDeskTarget target = target(System.getenv())) {
            run(target, System.out, keepRunning);
            if (keepRunning && target.isSimulated()) {
                waitForCtrlC(target);
            }
        }
    }

    /** Blocks until the JVM is asked to stop; the simulator is closed (its files deleted) on the way out. */
    private static void waitForCtrlC(LiveDeskTarget target) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            target.close();
            stopped.countDown();
        }, "quickstart-shutdown"));
        stopped.await();
    }

    /** The real LiveDesk with all of the {@code LIVEDESK_*} variables set, otherwise a simulator. */
    static LiveDeskTarget target(Map<String, String> env) {
        return LiveDeskTarget.fromEnvironment(env, Conversation.REQUIRED, SIMULATED_CONVERSATION);
    }

    static void run(LiveDeskTarget target, PrintStream out, boolean keepRunning) throws Exception {
        Map<String, String> properties = target.camelProperties();
        String baseUrl = properties.get("camel.component.livedesk.base-url");
        String conversationId = properties.get(LiveDeskTarget.CONVERSATION_PROPERTY);
        out.println(target.isSimulated()
                ? "Using the embedded LiveDesk simulator at " + baseUrl + " (set LIVEDESK_API_KEY, "
                        + "LIVEDESK_API_SECRET and LIVEDESK_CONVERSATION_ID to use your LiveDesk account)"
                : "Using LiveDesk at " + baseUrl + ", conversation " + conversationId);

        LiveDeskComponent livedesk = new LiveDeskComponent();
        livedesk.getConfiguration().setBaseUrl(baseUrl);
        livedesk.getConfiguration().setApiKey(properties.get("camel.component.livedesk.api-key"));
        livedesk.getConfiguration().setApiSecret(properties.get("camel.component.livedesk.api-secret"));

        Main main = new Main();
        // the routes' conversation (an endpoint option: the customer route must have none)
        main.addInitialProperty(LiveDeskTarget.CONVERSATION_PROPERTY, conversationId);
        // the livedesk: producers report readiness through camel-health (Camel leaves producer checks off by default)
        main.addInitialProperty("camel.health.producers-enabled", "true");
        main.addInitialProperty("camel.health.exposure-level", "full");
        main.bind("livedesk", livedesk);
        main.configure().addRoutesBuilder(new QuickstartRoutes());
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();

            Exchange text = template.request("direct:text", e -> e.getMessage().setBody("Hello from Apache Camel!"));
            long textId = check(text).id();

            check(template.request("direct:private-reply", e -> {
                e.getMessage().setBody("Internal note: customer greeted by the integration.");
                e.getMessage().setHeader(LiveDeskConstants.IN_REPLY_TO, textId);
            }));

            check(template.request("direct:template", e -> {
                e.getMessage().setBody(Map.of("1", "Ana", "2", "shipped"));
                e.getMessage().setHeader(LiveDeskConstants.CONTENT, "Order update for Ana: shipped");
            }));

            LiveDeskSimulator simulator = target.simulator();
            if (simulator != null) {
                // as if the customer had not written for over 24 hours: WhatsApp refuses free-form messages
                simulator.conversation(SIMULATED_CONVERSATION).closeWindow();
            }
            Exchange parked = template.request("direct:send-or-park",
                    e -> e.getMessage().setBody("Your parcel is at the door."));
            if (parked.getException() != null) {
                throw parked.getException();
            }
            if ("failed".equals(parked.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS))) {
                if (simulator != null) {
                    simulator.conversation(SIMULATED_CONVERSATION).customerReply("Hi, any news?");
                }
                check(template.request("direct:retry", e -> e.getMessage().setHeaders(
                        Map.of(LiveDeskConstants.MESSAGE_ID,
                                parked.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID)))));
            } else {
                out.println("The last message was sent at once, so there was nothing to retry.");
            }

            CustomerUpdate.send(template, target, System.getenv(), out);

            if (simulator != null) {
                printReceived(simulator, out);
                CustomerUpdate.printReceived(simulator, out);
            }
            printReadiness(main, out);
        } finally {
            main.stop();
        }
        LiveDeskSimulator simulator = target.simulator();
        if (simulator != null) {
            // the last line, where a person looks: the conversation as an agent would see it
            out.println();
            out.println(keepRunning ? "The simulator keeps running until Ctrl-C; watch and act on the conversation at:"
                    : "The inbox page (run with -D" + KEEP_RUNNING
                            + "=true to keep the simulator running and open it):");
            out.println(simulator.pageUrl());
        }
    }

    private static LiveDeskMessage check(Exchange exchange) throws Exception {
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return exchange.getMessage().getBody(LiveDeskMessage.class);
    }

    private static void printReadiness(Main main, PrintStream out) {
        out.println();
        HealthCheckHelper.invokeReadiness(main.getCamelContext()).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:livedesk:"))
                .forEach(result -> out.println("Readiness " + result.getCheck().getId() + ": " + result.getState()));
    }

    private static void printReceived(LiveDeskSimulator simulator, PrintStream out) {
        out.println();
        out.println("The simulator received " + simulator.requestCount() + " requests; conversation "
                + SIMULATED_CONVERSATION + " now holds:");
        for (StoredMessage message : simulator.conversation(SIMULATED_CONVERSATION).messages()) {
            out.printf("  #%d %-8s %-6s%s%s %s%n", message.id(), message.messageType(), message.status(),
                    message.privateMessage() ? " private" : "",
                    message.templateParams() != null ? " template " + message.templateParams().get("name") : "",
                    message.content());
        }
    }
}
