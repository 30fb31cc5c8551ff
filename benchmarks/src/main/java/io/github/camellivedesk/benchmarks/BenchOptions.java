package io.github.camellivedesk.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the harness runs, from {@code livedesk.bench.*} system properties (the {@code bench} profile passes the Maven
 * properties of the same names on): how often the repeated scenarios run, which scenarios and variants, and shorter
 * windows for a quick check. Empty values mean the default.
 *
 * @param repeat         runs of each repeated scenario (no-latency, ordering-cost, the burst with pacing on, the
 *                       customers pair), one sitting
 * @param scenarios      the scenarios to run, in {@link #SCENARIOS} order
 * @param variants       the variants of the no-latency and latency-200ms scenarios
 * @param warmupSeconds  warm-up of the text scenarios (no-latency, latency-200ms, ordering-cost), or NaN for theirs
 * @param measureSeconds measured window of the text scenarios, or NaN for theirs
 * @param burstMessages  messages in the burst (30 conversations at 100/s: messages / 100 s at least)
 */
record BenchOptions(int repeat, List<String> scenarios, List<Variant> variants, double warmupSeconds,
        double measureSeconds, int burstMessages) {

    static final String NO_LATENCY = "no-latency";
    static final String LATENCY_200MS = "latency-200ms";
    static final String ORDERING_COST = "ordering-cost";
    static final String ATTACHMENT_10MIB = "attachment-10MiB";
    static final String ATTACHMENT_100MIB = "attachment-100MiB";
    static final String BURST = "burst";
    static final String CUSTOMERS = "customers";

    /** Every scenario, in the order the harness runs them. */
    static final List<String> SCENARIOS = List.of(NO_LATENCY, LATENCY_200MS, ORDERING_COST, ATTACHMENT_10MIB,
            ATTACHMENT_100MIB, BURST, CUSTOMERS);

    static final String PREFIX = "livedesk.bench.";

    static BenchOptions fromSystemProperties() {
        return parse(System.getProperty(PREFIX + "repeat"), System.getProperty(PREFIX + "scenarios"),
                System.getProperty(PREFIX + "variants"), System.getProperty(PREFIX + "warmupSeconds"),
                System.getProperty(PREFIX + "measureSeconds"), System.getProperty(PREFIX + "burstMessages"));
    }

    /** Defaults: 1 run, {@code all} scenarios, {@code all} variants, the scenarios' own windows, 3,000 messages. */
    static BenchOptions parse(String repeat, String scenarios, String variants, String warmupSeconds,
            String measureSeconds, String burstMessages) {
        int runs = blank(repeat) ? 1 : Integer.parseInt(repeat.trim());
        if (runs < 1) {
            throw new IllegalArgumentException(PREFIX + "repeat must be at least 1: " + repeat);
        }
        int burst = blank(burstMessages) ? BurstScenario.issue14().messages() : Integer.parseInt(burstMessages.trim());
        if (burst < 1) {
            throw new IllegalArgumentException(PREFIX + "burstMessages must be at least 1: " + burstMessages);
        }
        return new BenchOptions(runs, scenarios(scenarios), variants(variants), seconds(warmupSeconds),
                seconds(measureSeconds), burst);
    }

    private static List<String> scenarios(String value) {
        if (blank(value) || value.trim().equalsIgnoreCase("all")) {
            return SCENARIOS;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String match = SCENARIOS.stream().filter(s -> s.equalsIgnoreCase(name.trim())).findFirst()
                    .orElseThrow(
                            () -> new IllegalArgumentException("unknown scenario '" + name.trim() + "' in " + PREFIX
                                    + "scenarios; known: " + String.join(",", SCENARIOS)));
            chosen.add(match);
        }
        // the harness's order, whatever the order asked for: the servers and simulators are shared in that order
        return SCENARIOS.stream().filter(chosen::contains).toList();
    }

    private static List<Variant> variants(String value) {
        if (blank(value) || value.trim().equalsIgnoreCase("all")) {
            return List.of(Variant.values());
        }
        Set<Variant> chosen = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String wanted = name.trim().replaceAll("[()]", "");
            Variant match = null;
            for (Variant variant : Variant.values()) {
                if (variant.letter().equalsIgnoreCase(wanted) || variant.name().equalsIgnoreCase(wanted)) {
                    match = variant;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("unknown variant '" + name.trim() + "' in " + PREFIX
                        + "variants; known: a, b, c, c', d, e, f or their enum names");
            }
            chosen.add(match);
        }
        List<Variant> ordered = new ArrayList<>();
        for (Variant variant : Variant.values()) {
            if (chosen.contains(variant)) {
                ordered.add(variant);
            }
        }
        return ordered;
    }

    private static double seconds(String value) {
        if (blank(value)) {
            return Double.NaN;
        }
        double seconds = Double.parseDouble(value.trim());
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds must not be negative: " + value);
        }
        return seconds;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** Every scenario runs: the full run, which also reports JMH. */
    boolean everything() {
        return scenarios.equals(SCENARIOS);
    }

    double warmup(double scenarioDefault) {
        return Double.isNaN(warmupSeconds) ? scenarioDefault : warmupSeconds;
    }

    double measure(double scenarioDefault) {
        return Double.isNaN(measureSeconds) ? scenarioDefault : measureSeconds;
    }

    /** The {@code -D} flags that differ from the defaults, for the command line in RESULTS.md. */
    String flags() {
        StringBuilder out = new StringBuilder();
        if (!everything()) {
            out.append(" -D").append(PREFIX).append("scenarios=").append(String.join(",", scenarios));
        }
        if (repeat != 1) {
            out.append(" -D").append(PREFIX).append("repeat=").append(repeat);
        }
        if (variants.size() != Variant.values().length) {
            out.append(" -D").append(PREFIX).append("variants=")
                    .append(String.join(",", variants.stream().map(Variant::letter).toList()));
        }
        if (!Double.isNaN(warmupSeconds)) {
            out.append(String.format(Locale.ROOT, " -D%swarmupSeconds=%s", PREFIX, trim(warmupSeconds)));
        }
        if (!Double.isNaN(measureSeconds)) {
            out.append(String.format(Locale.ROOT, " -D%smeasureSeconds=%s", PREFIX, trim(measureSeconds)));
        }
        if (burstMessages != BurstScenario.issue14().messages()) {
            out.append(" -D").append(PREFIX).append("burstMessages=").append(burstMessages);
        }
        return out.toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
