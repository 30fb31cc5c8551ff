package io.github.camellivedesk.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Issue 14's burst: messages handed to {@code livedesk:send} all at once, round-robin over conversations, against a
 * simulator that enforces a client-wide and a per-conversation limit (scaled to seconds so that a run takes half a
 * minute, not an hour). Reported per mode: the time until every exchange completed against the least the limits
 * allow, the 429s the simulator answered, the messages stored out of their conversation's order, lost, and stored
 * twice.
 *
 * @param messages          messages in the burst
 * @param conversations     conversations they are spread over
 * @param clientLimit       requests per second the simulator accepts from the client
 * @param conversationLimit requests per second the simulator accepts per conversation
 */
record BurstScenario(int messages, int conversations, int clientLimit, int conversationLimit) {

    /** Issue 14 item 5: 3,000 messages over 30 conversations at 100/s overall and 10/s per conversation: 30 s at least. */
    static BurstScenario issue14() {
        return new BurstScenario(3000, 30, 100, 10);
    }

    /** The same limits and conversations with another number of messages: a quick check scales the burst down. */
    BurstScenario withMessages(int count) {
        return new BurstScenario(count, conversations, clientLimit, conversationLimit);
    }

    /**
     * Pacing and ordering on, paced to the simulator's limits: the PerMinute options count per the 1 s
     * {@code rateLimitPeriod} here, as the simulator counts per second.
     */
    String pacedOptions() {
        return "preserveOrder=true&rateLimitPerMinute=" + clientLimit + "&conversationRateLimitPerMinute="
                + conversationLimit + "&rateLimitPeriod=1000";
    }

    /** Pacing and ordering off: what the component did before issue 14; only the 429 handling is left. */
    static String unpacedOptions() {
        return "preserveOrder=false&rateLimitPerMinute=0&conversationRateLimitPerMinute=0";
    }

    /** The least time the limits allow for the burst. */
    double minimumSeconds() {
        return Math.max((double) messages / clientLimit,
                Math.ceil((double) messages / conversations) / conversationLimit);
    }

    String describe() {
        return String.format(Locale.ROOT,
                "%,d messages handed to livedesk:send at once, round-robin over %d conversations, "
                        + "against the simulator limited to %d requests/s per client and %d per conversation "
                        + "(sliding one-second windows; the least possible time is %.0f s)",
                messages, conversations, clientLimit, conversationLimit, minimumSeconds());
    }

    /** A simulator with this scenario's limits and conversations. */
    LiveDeskSimulator startSimulator() {
        return LiveDeskSimulator.builder().threads(8).recordRequests(false)
                .conversations(LongStream.range(0, conversations).map(i -> Workload.FIRST_CONVERSATION + i).toArray())
                .clientRateLimit(clientLimit, Duration.ofSeconds(1))
                .conversationRateLimit(conversationLimit, Duration.ofSeconds(1))
                .build().start();
    }

    /** Runs one mode in its own JVM against the simulator, then reads what the simulator stored and refused. */
    Result run(String mode, String options, LiveDeskSimulator simulator, String heap)
            throws IOException, InterruptedException {
        simulator.reset();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), BurstRunner.class.getName(),
                simulator.baseUrl(), simulator.apiKey(), simulator.apiSecret(), Integer.toString(messages),
                Integer.toString(conversations), options.isEmpty() ? "-" : options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line = null;
        StringBuilder output = new StringBuilder();
        for (String out : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (out.startsWith(BurstRunner.PREFIX)) {
                line = out.substring(BurstRunner.PREFIX.length()).trim();
            } else {
                output.append(out).append('\n');
            }
        }
        process.waitFor(1, TimeUnit.MINUTES);
        if (line == null) {
            throw new IllegalStateException("the " + mode + " burst produced no result; its output:\n" + output);
        }
        String[] parts = line.split(" ");
        return count(mode, Double.parseDouble(parts[0]), Long.parseLong(parts[1]), Boolean.parseBoolean(parts[2]),
                simulator.throttledRequests(), simulator.messages());
    }

    /** Out of order: stored after a later message of its conversation. Lost: never stored. Twice: stored again. */
    Result count(String mode, double seconds, long failed, boolean finished, long throttled,
            List<StoredMessage> stored) {
        Map<Long, Integer> highest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long outOfOrder = 0;
        long duplicates = 0;
        List<StoredMessage> inOrderStored = new ArrayList<>(stored);
        inOrderStored.sort((a, b) -> Long.compare(a.id(), b.id()));
        for (StoredMessage message : inOrderStored) {
            String[] words = message.content().split(" ");
            int sequence = Integer.parseInt(words[2]);
            if (!seen.add(message.conversationId() + " " + sequence)) {
                duplicates++;
                continue;
            }
            Integer before = highest.get(message.conversationId());
            if (before != null && sequence < before) {
                outOfOrder++;
            } else {
                highest.put(message.conversationId(), sequence);
            }
        }
        return new Result(mode, seconds, minimumSeconds(), finished, failed, throttled, outOfOrder,
                messages - seen.size(),
                duplicates);
    }

    /**
     * One mode's outcome.
     *
     * @param mode           what was on
     * @param seconds        from the first message handed over until every exchange completed
     * @param minimumSeconds the least the limits allow
     * @param finished       whether every exchange completed within ten minutes
     * @param failed         exchanges that ended with an exception
     * @param throttled      requests the simulator answered 429
     * @param outOfOrder     messages stored after a later message of their conversation
     * @param lost           messages never stored
     * @param duplicates     messages stored more than once
     */
    record Result(String mode, double seconds, double minimumSeconds, boolean finished, long failed, long throttled,
            long outOfOrder, long lost, long duplicates) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %.1f s | %.2fx | %,d | %,d | %,d | %,d | %,d |", mode, seconds,
                    seconds / minimumSeconds, throttled, outOfOrder, lost, duplicates, failed);
        }

        static String header() {
            return "| mode | time | vs least possible | 429s | out of order | lost | stored twice | exchanges failed |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|\n";
        }
    }
}
