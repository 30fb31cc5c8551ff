package io.github.camellivedesk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.SimulatedContact;

/**
 * Issue 18's measurement: messages to customers LiveDesk does not know yet, from several consumers at once, addressed
 * by phone number and inbox; against the same messages addressed by the ids of conversations that exist. Each mode
 * runs in its own JVM ({@link CustomersRunner}) against one simulator; what the simulator saw in the measured round is
 * counted by {@link CustomersCount}.
 * <p>
 * Pacing is off (both rate limits 0): at LiveDesk's 3,000 requests a minute the 1,200 requests would take 24 s and
 * the figure would be the limit's, not the component's. The order per customer and per conversation is on
 * ({@code preserveOrder=true}, the default).
 *
 * @param messages     messages in a round
 * @param customers    customers (and conversations) they go to, round-robin
 * @param consumers    consumers that hand the messages over at once, each owning the customers {@code n % consumers}
 * @param warmupRounds rounds before the timed ones (other customers, the same conversations)
 * @param timedRounds  rounds timed (the figure is their median), the last of them also counted; at least 1, and
 *                     warm-up and timed rounds together at most {@value #MEASURED_ROUND}
 */
record CustomersScenario(int messages, int customers, int consumers, int warmupRounds, int timedRounds) {

    /** The round whose customers are counted, the last timed one; the warm-up rounds are 1, 2, ... */
    static final int MEASURED_ROUND = 99;
    /** The first of the conversations the by-conversation mode sends to (one per customer, created beforehand). */
    static final long FIRST_CONVERSATION = 5001;
    /** The simulator's inbox (its default): the customers' conversations are created there. */
    static final long INBOX = 79;
    static final String OPTIONS = "preserveOrder=true&rateLimitPerMinute=0&conversationRateLimitPerMinute=0";

    CustomersScenario {
        if (warmupRounds < 0 || timedRounds < 1 || warmupRounds + timedRounds > MEASURED_ROUND) {
            throw new IllegalArgumentException(
                    "warm-up rounds (0 or more) and timed rounds (1 or more) must be at most "
                            + MEASURED_ROUND + " together");
        }
    }

    /**
     * Issue 18 item 5: 1,000 messages to 100 new customers from 16 consumers. The measured round takes well under a
     * second, so 20 warm-up rounds (20,000 messages, 2,000 other customers) come first: with 5, the same mode's
     * figure still doubled from one run to the next.
     */
    static CustomersScenario issue18() {
        return new CustomersScenario(1000, 100, 16, 20, 5);
    }

    /** The phone number of a customer in a round: every round has new customers. */
    static String phoneNumber(int round, int customer) {
        return String.format(Locale.ROOT, "+4917%02d%06d", round, customer);
    }

    /** The customer of a phone number of the measured round, or -1. */
    static int customerOf(String phoneNumber) {
        String prefix = String.format(Locale.ROOT, "+4917%02d", MEASURED_ROUND);
        return phoneNumber != null && phoneNumber.startsWith(prefix)
                ? Integer.parseInt(phoneNumber.substring(prefix.length()))
                : -1;
    }

    /** The conversation the by-conversation mode sends a customer's messages to. */
    static long conversationOf(int customer) {
        return FIRST_CONVERSATION + customer;
    }

    String describe() {
        return String.format(Locale.ROOT,
                "%,d messages to %d customers the simulator does not know, round-robin, handed to livedesk:send by %d "
                        + "consumers at once, each consumer owning the customers n %% %d (as JMS message groups would) "
                        + "and handing over its customers' messages in sequence without waiting for answers; against "
                        + "the same messages to %d conversations that exist. Order on, pacing off. Each mode in its "
                        + "own JVM: %d warm-up rounds, then %d timed rounds, each with new customers; time: the median "
                        + "of the timed rounds; counts: what the simulator saw in the last of them",
                messages, customers, consumers, consumers, customers, warmupRounds, timedRounds);
    }

    /** A simulator with the conversations of the by-conversation mode, keeping its request log. */
    LiveDeskSimulator startSimulator() {
        return LiveDeskSimulator.builder().threads(8)
                .conversations(LongStream.range(0, customers).map(i -> FIRST_CONVERSATION + i).toArray())
                .build().start();
    }

    /** Runs one mode in its own JVM; the simulator is cleared after the warm-up, then counted. */
    CustomersCount.Result run(String mode, LiveDeskSimulator simulator, String heap)
            throws IOException, InterruptedException {
        simulator.reset();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                CustomersRunner.class.getName(), simulator.baseUrl(), simulator.apiKey(), simulator.apiSecret(), mode,
                Integer.toString(messages), Integer.toString(customers), Integer.toString(consumers),
                Integer.toString(warmupRounds), Integer.toString(timedRounds), Long.toString(INBOX), OPTIONS));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                OutputStream go = process.getOutputStream()) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals(CustomersRunner.WARMED)) {
                    // only the measured round's requests, contacts and conversations count
                    simulator.reset();
                    go.write('\n');
                    go.flush();
                } else if (line.startsWith(CustomersRunner.PREFIX)) {
                    result = line.substring(CustomersRunner.PREFIX.length()).trim();
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        process.waitFor(1, TimeUnit.MINUTES);
        if (result == null) {
            throw new IllegalStateException("the " + mode + " run produced no result; its output:\n" + output);
        }
        String[] parts = result.split(" ");
        return new CustomersCount(this).count(mode, Double.parseDouble(parts[0]), Long.parseLong(parts[1]),
                Boolean.parseBoolean(parts[2]), simulator.requests(),
                simulator.contacts().stream().map(SimulatedContact::phoneNumber).toList(),
                CustomersCount.stored(simulator));
    }

    /**
     * A row per mode and run (each pair of runs by customer and by conversation made one after the other), the ratio
     * of their messages/s (the median of the pairs' ratios) and the targets of the by-customer runs.
     */
    String table(List<CustomersCount.Result[]> pairs) {
        StringBuilder out = new StringBuilder(CustomersCount.Result.header());
        boolean several = pairs.size() > 1;
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < pairs.size(); run++) {
            CustomersCount.Result byCustomer = pairs.get(run)[0];
            CustomersCount.Result byConversation = pairs.get(run)[1];
            String label = several ? "run " + (run + 1) + ": " : "";
            out.append(byCustomer.row(label)).append('\n').append(byConversation.row(label)).append('\n');
            ratios.add(byCustomer.messagesPerSecond() / byConversation.messagesPerSecond());
        }
        out.append(String.format(Locale.ROOT, "%nBy phone number / by conversation id, messages/s: %.2fx%s.%n",
                RepeatedFigures.median(ratios),
                several ? " (median of the runs' ratios: " + String.join(", ",
                        ratios.stream().map(r -> String.format(Locale.ROOT, "%.2fx", r)).toList()) + ")" : ""));
        List<CustomersCount.Result> byCustomer = pairs.stream().map(pair -> pair[0]).toList();
        out.append(String.format(Locale.ROOT,
                "%nTargets by phone number%s: exactly %d contact and %d conversation creations, %,d messages and "
                        + "no other request: %s; duplicates 0: %s; order inversions 0: %s; none lost, stored twice or "
                        + "misrouted, no exchange failed: %s.%n",
                several ? " (every run)" : "", customers, customers, messages,
                met(byCustomer.stream().allMatch(r -> r.contacts() == customers && r.conversations() == customers
                        && r.messageRequests() == messages && r.otherRequests() == 0)),
                met(byCustomer.stream().allMatch(r -> r.duplicates() == 0)),
                met(byCustomer.stream().allMatch(r -> r.inversions() == 0)),
                met(byCustomer.stream().allMatch(r -> r.finished() && r.lost() == 0 && r.twice() == 0
                        && r.misrouted() == 0 && r.failed() == 0))));
        return out.toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }
}
