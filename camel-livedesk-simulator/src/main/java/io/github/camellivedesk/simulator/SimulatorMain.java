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
              --auto-create-conversations   create unknown conversations on first message instead of 404
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
              --help                        this text
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
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

    /** Parses the arguments, starts the simulator and prints where it listens; null after {@code --help}. */
    static LiveDeskSimulator run(String[] args, PrintStream out) {
        // by hand, the service's own limits are on, so a client sees the 429s it would see in production
        LiveDeskSimulator.Builder builder = LiveDeskSimulator.builder().port(8080)
                .clientRateLimit(3000, Duration.ofMinutes(1))
                .conversationRateLimit(200, Duration.ofMinutes(1));
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--auto-create-conversations" -> builder.autoCreateConversations(true);
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
                        case "--client-rate-limit" -> builder.clientRateLimit(limit(option, value), period(option, value));
                        case "--conversation-rate-limit" -> builder.conversationRateLimit(limit(option, value), period(option, value));
                        default -> throw new IllegalArgumentException("Unknown option " + option);
                    }
                }
            }
        }
        long start = System.nanoTime();
        LiveDeskSimulator simulator = builder.build().start();
        long startMillis = (System.nanoTime() - start) / 1_000_000;
        out.println("LiveDesk simulator listening on " + simulator.baseUrl() + " (started in " + startMillis + " ms)");
        out.println("  API key:    " + simulator.apiKey());
        out.println("  API secret: " + simulator.apiSecret());
        out.println("  API:        " + simulator.baseUrl() + "/api/v2/accounts/conversations/{id}/messages");
        out.println("  Inspect:    " + simulator.baseUrl() + InspectionHandler.PREFIX + "conversations");
        out.println("  Limits:     " + describe(simulator.throttle().clientLimit()) + " per client address, "
                    + describe(simulator.throttle().conversationLimit()) + " per conversation (429 beyond;"
                    + " --no-rate-limits turns them off)");
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
            throw new IllegalArgumentException(option + " needs a period like 1m, 10s or 500ms after the slash, got '" + value + "'");
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
            Long id = LiveDeskSimulator.parseId(parts[i].trim());
            if (id == null) {
                throw new IllegalArgumentException("--conversations needs ids like 141,142, got '" + value + "'");
            }
            ids[i] = id;
        }
        return ids;
    }
}
