package io.github.camellivedesk.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar camel-livedesk-simulator.jar --port 8080 --api-key k --api-secret s}: runs the simulator until
 * stopped (Ctrl-C).
 */
public final class SimulatorMain {

    private static final String USAGE = """
            Usage: java -jar camel-livedesk-simulator.jar [options]
              --port N                      port to listen on (default 8080, 0 = any free port)
              --host ADDRESS                address to listen on (default 127.0.0.1)
              --api-key KEY                 API key to accept (default simulator-key)
              --api-secret SECRET           API secret to accept (default simulator-secret)
              --conversations 141,142       conversations that exist from the start
              --no-auto-create-conversations
                                            answer 404 to a conversation that does not exist yet (default: create
                                            it on first use, so a client works without any set-up)
              --inbox-id N                  inbox_id of answers (default 79)
              --storage-dir DIR             where attachments are written (default a temporary folder)
              --threads N                   handler threads (default twice the cores, at least 4)
              --no-request-log              keep no request log (for long load tests)
              --client-rate-limit N[/PERIOD]
                                            requests per client address in any sliding PERIOD (default 3000/1m,
                                            as LiveDesk; PERIOD like 1m, 10s, 500ms; 0 = off); beyond it: 429
              --conversation-rate-limit N[/PERIOD]
                                            messages per conversation in any sliding PERIOD (default 200/1m; 0 = off)
              --no-rate-limits              turn both rate limits off
              --admin-token TOKEN           require TOKEN in the X-Simulator-Token header of /__simulator/ requests
              --webhook-url URL             POST the inbox's webhook events (message_created, ...) to URL
              --webhook-secret SECRET       sign them: X-Chatwoot-Signature, HMAC-SHA256 (needs --webhook-url)
              --help                        this text
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        tuneJdkHttpServer();
        LiveDeskSimulator simulator;
        try {
            simulator = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "livedesk-simulator-shutdown"));
        stopped.await();
    }

    /**
     * JVM-wide settings of the JDK's HTTP server, which this process owns. The JDK 17 server writes an answer's headers
     * and body separately; with Nagle's algorithm on, each keep-alive answer then waits for the client's delayed ACK
     * (40 ms on Linux), capping the simulator near 1,500 requests/s. And past 200 idle keep-alive connections (the
     * default) it closes each connection after its answer, so a client reusing it at that moment sees a reset. Both
     * are read once per JVM, so they are set before any server starts, and only where the user chose nothing.
     * The library never calls this: an application that runs the simulator in-process for load (a benchmark's
     * {@code main}) calls it first thing, or passes {@code -Dsun.net.httpserver.nodelay=true}.
     */
    public static void tuneJdkHttpServer() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "4096");
        }
    }

    /** Parses the arguments, starts the simulator and prints where it listens; null after {@code --help}. */
    static LiveDeskSimulator run(String[] args, PrintStream out) {
        // by hand, the service's own limits are on, so a client sees the 429s it would see in production
        // by hand, a first message should work without any set-up: conversations appear on first use
        LiveDeskSimulator.Builder builder = LiveDeskSimulator.builder().port(8080).autoCreateConversations(true)
                .clientRateLimit(3000, Duration.ofMinutes(1))
                .conversationRateLimit(200, Duration.ofMinutes(1));
        String webhookUrl = null;
        String webhookSecret = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--auto-create-conversations" -> builder.autoCreateConversations(true);
                case "--no-auto-create-conversations" -> builder.autoCreateConversations(false);
                case "--no-request-log" -> builder.recordRequests(false);
                case "--no-rate-limits" -> builder.clientRateLimit(0, null).conversationRateLimit(0, null);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("Missing value after " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--port" -> builder.port(integer(option, value));
                        case "--host" -> builder.host(value);
                        case "--api-key" -> builder.apiKey(value);
                        case "--api-secret" -> builder.apiSecret(value);
                        case "--conversations" -> builder.conversations(ids(value));
                        case "--inbox-id" -> builder.inboxId(integer(option, value));
                        case "--storage-dir" -> builder.storageDir(Path.of(value));
                        case "--threads" -> builder.threads(integer(option, value));
                        case "--admin-token" -> builder.adminToken(value);
                        case "--webhook-url" -> webhookUrl = value;
                        case "--webhook-secret" -> webhookSecret = value;
                        case "--client-rate-limit" ->
                            builder.clientRateLimit(limit(option, value), period(option, value));
                        case "--conversation-rate-limit" ->
                            builder.conversationRateLimit(limit(option, value), period(option, value));
                        default -> throw new IllegalArgumentException("Unknown option " + option);
                    }
                }
            }
        }
        if (webhookSecret != null && webhookUrl == null) {
            throw new IllegalArgumentException("--webhook-secret needs --webhook-url");
        }
        builder.webhook(webhookUrl, webhookSecret);
        long start = System.nanoTime();
        LiveDeskSimulator simulator = builder.build().start();
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        out.println("LiveDesk simulator listening on " + simulator.baseUrl() + " (started in " + startMillis + " ms)");
        out.println("  API key:    " + simulator.apiKey());
        out.println("  API secret: " + simulator.apiSecret());
        String api = simulator.baseUrl() + "/api/v2/accounts/";
        out.println("  API:        POST " + api + "conversations/{id}/messages (and .../messages/{id}/retry)");
        out.println("              POST " + api + "contacts (inbox_id " + simulator.settings().inboxId() + ")");
        out.println("              GET  " + api + "contacts/search?q=...");
        out.println("              GET  " + api + "contacts/{id}/conversations");
        out.println("              POST " + api + "conversations");
        out.println("              POST " + api + "conversations/{id}/toggle_status");
        out.println("  Inspect:    " + simulator.baseUrl() + InspectionHandler.PREFIX + "conversations, "
                + simulator.baseUrl() + InspectionHandler.PREFIX + "contacts");
        SimulatorSettings settings = simulator.settings();
        // the token is the user's own; the banner says where it goes, never what it is
        out.println("  Inbox page: " + simulator.pageUrl()
                + (settings.adminToken() == null ? "" : "#token=<the --admin-token value>")
                + "   (open it in a browser: the conversations, live)");
        out.println("  Conversations: " + (settings.autoCreateConversations()
                ? "created on first use (any id works; --no-auto-create-conversations answers 404 to unknown ids)"
                : "only " + settings.conversations() + " (others answer 404)"));
        out.println("  Limits:     " + describe(settings.clientRateLimit()) + " per client address, "
                + describe(settings.conversationRateLimit()) + " per conversation (429 beyond;"
                + " --no-rate-limits turns them off)");
        // the URL without its query (a token may ride there), and never the secret
        out.println("  Webhooks:   " + (settings.webhookUrl() == null ? "none (--webhook-url URL sends them)"
                : "POST " + WebhookSender.redact(settings.webhookUrl())
                        + (settings.webhookSecret() == null ? ", unsigned" : ", signed (X-Chatwoot-Signature)")));
        if (settings.adminToken() != null) {
            out.println("  Inspection API requires the X-Simulator-Token header (the --admin-token value)");
        }
        out.println("Press Ctrl-C to stop.");
        return simulator;
    }

    private static String describe(RateLimit limit) {
        return limit == null ? "no limit" : limit.toString();
    }

    private static int limit(String option, String value) {
        String count = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        if (count.equals("off")) {
            return 0;
        }
        int limit = integer(option, count);
        if (limit < 0) {
            throw new IllegalArgumentException(option + " needs a count of 0 or more, got '" + value + "'");
        }
        return limit;
    }

    /** The part after the slash: 1m, 10s, 500ms; a minute when there is none. */
    private static Duration period(String option, String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return Duration.ofMinutes(1);
        }
        String period = value.substring(slash + 1).trim();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)").matcher(period);
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException(
                    option + " needs a period like 1m, 10s or 500ms after the slash, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }

    private static long[] ids(String value) {
        String[] parts = value.split(",");
        long[] ids = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Long id = MessageStore.parseId(parts[i].trim());
            if (id == null) {
                throw new IllegalArgumentException("--conversations needs ids like 141,142, got '" + value + "'");
            }
            ids[i] = id;
        }
        return ids;
    }
}
