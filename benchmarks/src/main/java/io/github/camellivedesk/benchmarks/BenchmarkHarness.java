package io.github.camellivedesk.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.SimulatorMain;

/**
 * Runs every variant of every scenario, each in its own JVM, one after another against the same server, and writes
 * {@code RESULTS.md} and {@code results.png}.
 *
 * <pre>./mvnw -B -Pbench -pl benchmarks -am -DskipTests verify</pre>
 */
public final class BenchmarkHarness {

    static final String COMMAND = "./mvnw -B -Pbench -pl benchmarks -am -DskipTests verify";

    private BenchmarkHarness() {
    }

    public static void main(String[] args) throws Exception {
        // the simulator library sets no JVM-wide property; this process owns its JVM and runs it under load
        SimulatorMain.tuneJdkHttpServer();
        Path resultsDir = Path.of("benchmarks");
        Path jmh = null;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--results")) {
                resultsDir = Path.of(args[i + 1]);
            } else if (args[i].equals("--jmh")) {
                jmh = Path.of(args[i + 1]);
            }
        }
        BenchOptions options = BenchOptions.fromSystemProperties();
        System.out.println("== scenarios " + String.join(",", options.scenarios()) + ", repeat " + options.repeat()
                + (options.flags().isEmpty() ? "" : ", flags" + options.flags()));
        RepeatedFigures figures = new RepeatedFigures(options.repeat());
        List<ScenarioResult> results = new ArrayList<>();
        StringBuilder servers = new StringBuilder();
        StringBuilder issue14 = new StringBuilder();
        // a short retention keeps the simulator's memory and disk flat: the attachment runs upload gigabytes
        long[] conversations = LongStream.concat(LongStream.of(141L),
                LongStream.range(0, ORDERING_CONVERSATIONS).map(i -> Workload.FIRST_CONVERSATION + i)).toArray();
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(conversations)
                .recordRequests(false)
                .messageRetention(16).threads(8).maxAttachmentSize(512L * 1024 * 1024).build().start();
                FixedAnswerServer nginx = FixedAnswerServer.startIfAvailable()) {
            Workload probe = workload(Scenario.noLatency(), simulator.baseUrl(), simulator, null, 0, 0, 0);
            double simulatorCapacity = Tools.wrkRequestsPerSecond(probe.messagesUrl(), probe.authorization());
            servers.append(String.format(Locale.ROOT,
                    "* simulator (JDK HTTP server, parses, validates and stores every message): "
                            + "%s requests/s with wrk -t2 -c64 for the documented text message%n",
                    rate(simulatorCapacity)));
            String noLatencyUrl = simulator.baseUrl();
            String noLatencyServer = "the simulator (nginx is not installed)";
            if (nginx != null) {
                Workload fixed = workload(Scenario.noLatency(), nginx.baseUrl(), simulator, null, 0, 0, 0);
                double nginxCapacity = Tools.wrkRequestsPerSecond(fixed.messagesUrl(), fixed.authorization());
                servers.append(String.format(Locale.ROOT,
                        "* nginx, one worker, fixed documented answer: %s requests/s with the same "
                                + "wrk command%n",
                        rate(nginxCapacity)));
                noLatencyUrl = nginx.baseUrl();
                noLatencyServer = "nginx with a fixed answer";
            }

            if (options.runs(BenchOptions.NO_LATENCY)) {
                List<List<Measurement>> rounds = runRounds(Scenario.noLatency(), noLatencyServer,
                        workload(Scenario.noLatency(), noLatencyUrl, simulator, null, options.warmup(5),
                                options.measure(15),
                                Long.MAX_VALUE),
                        options.variants(), "-Xmx512m", options.repeat());
                for (List<Measurement> round : rounds) {
                    Measurement raw = of(round, Variant.RAW_HTTPCLIENT);
                    Measurement send = of(round, Variant.LIVEDESK_TEMPLATE);
                    if (raw != null && send != null) {
                        figures.sendVsRaw(raw, send);
                    }
                }
                results.add(medianResult(Scenario.noLatency(), noLatencyServer, rounds));
            }

            if (options.runs(BenchOptions.LATENCY_200MS)) {
                simulator.faults().inject(Fault.latency(Duration.ofMillis(200))).always();
                results.add(runScenario(Scenario.latency200ms(), "the simulator with 200 ms added latency",
                        workload(Scenario.latency200ms(), simulator.baseUrl(), simulator, null, options.warmup(3),
                                options.measure(15), Long.MAX_VALUE),
                        options.variants(), "-Xmx512m"));
                simulator.faults().clear();
            }

            if (options.runs(BenchOptions.ORDERING_COST)) {
                issue14.append(
                        orderingCost(workload(Scenario.noLatency(), noLatencyUrl, simulator, null, options.warmup(5),
                                options.measure(15), Long.MAX_VALUE), noLatencyServer, options.repeat(), figures));
            }

            for (long size : new long[]{ 10L << 20, 100L << 20 }) {
                Scenario scenario = Scenario.attachment(size);
                if (!options.runs(scenario.name())) {
                    continue;
                }
                Path file = attachment(size);
                try {
                    // a warm-up first: five cold uploads measured class loading and JIT, not the upload path
                    results.add(runScenario(scenario, "the simulator (streams to disk)",
                            workload(scenario, simulator.baseUrl(), simulator, file, 3, 60, 30),
                            List.of(Variant.CAMEL_HTTP, Variant.LIVEDESK_TEMPLATE), "-Xmx128m"));
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
        if (options.runs(BenchOptions.BURST)) {
            issue14.append(
                    burst(BurstScenario.issue14().withMessages(options.burstMessages()), options.repeat(), figures));
        }
        if (options.runs(BenchOptions.CUSTOMERS)) {
            issue14.append(customers(CustomersScenario.issue18(), options.repeat()));
        }
        // the JMH run belongs to the full run; a selection skips it (the bench-selected profile), so an older file
        // in target/ would describe other code
        write(resultsDir, options, results, servers.toString(), issue14.toString(), figures,
                options.everything() ? jmh : null);
    }

    static final int ORDERING_CONVERSATIONS = 64;

    /** Issue 14: (c) over 64 conversations with no added latency, the order per conversation kept and not. */
    static String orderingCost(Workload base, String server) throws IOException, InterruptedException {
        return orderingCost(base, server, 1, new RepeatedFigures(1));
    }

    /**
     * Issue 14's ordering cost, {@code repeat} times in turn (true, false, true, false, ...), each run's pair handed to
     * {@code figures}; the table shows the run with the median messages/s of each setting.
     */
    static String orderingCost(Workload base, String server, int repeat, RepeatedFigures figures)
            throws IOException, InterruptedException {
        String unpaced = "rateLimitPerMinute=0&conversationRateLimitPerMinute=0";
        System.out.println("== ordering cost: (c) over " + ORDERING_CONVERSATIONS + " conversations, against " + server
                + (repeat > 1 ? ", " + repeat + " runs" : ""));
        List<Measurement> ordered = new ArrayList<>();
        List<Measurement> unordered = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            Measurement on = runVariant(Variant.LIVEDESK_TEMPLATE,
                    base.withConversations(ORDERING_CONVERSATIONS, "preserveOrder=true&" + unpaced), "-Xmx512m");
            Measurement off = runVariant(Variant.LIVEDESK_TEMPLATE,
                    base.withConversations(ORDERING_CONVERSATIONS, "preserveOrder=false&" + unpaced), "-Xmx512m");
            System.out.printf(Locale.ROOT, "   run %d: preserveOrder=true %,10.0f msg/s, false %,10.0f msg/s: %.2fx%n",
                    run,
                    on.messagesPerSecond(), off.messagesPerSecond(), on.messagesPerSecond() / off.messagesPerSecond());
            ordered.add(on);
            unordered.add(off);
            figures.ordering(on, off);
        }
        Measurement orderedMedian = RepeatedFigures.medianOf(ordered, Measurement::messagesPerSecond);
        Measurement unorderedMedian = RepeatedFigures.medianOf(unordered, Measurement::messagesPerSecond);
        String table = repeat == 1 ? orderingTable(orderedMedian, unorderedMedian)
                // the runs were made in pairs: the median of the pairs' ratios, not the ratio of two rows of other pairs
                : orderingRows(orderedMedian, unorderedMedian) + String.format(Locale.ROOT,
                        "%nOrdered / unordered: %.2fx "
                                + "(median of the %d runs' ratios; each row is the run with the median messages/s of its setting).%n",
                        figures.orderingRatio(), repeat);
        System.out.println(table);
        return "## cost of ordering when it is not needed\n\n(c) with " + base.scenario().inFlight()
                + " messages in flight spread round-robin over " + ORDERING_CONVERSATIONS
                + " conversations, no added latency, pacing off; server: " + server + ".\n\n" + table + "\n";
    }

    static String orderingTable(Measurement ordered, Measurement unordered) {
        return orderingRows(ordered, unordered) + String.format(Locale.ROOT, "%nOrdered / unordered: %.2fx.%n",
                ordered.messagesPerSecond() / unordered.messagesPerSecond());
    }

    private static String orderingRows(Measurement ordered, Measurement unordered) {
        return "| preserveOrder | messages/s | CPU s per 10k | failures |\n|---|---:|---:|---:|\n"
                + String.format(Locale.ROOT, "| true | %,.0f | %.2f | %d |%n", ordered.messagesPerSecond(),
                        ordered.cpuSecondsPer10k(), ordered.failures())
                + String.format(Locale.ROOT, "| false | %,.0f | %.2f | %d |%n", unordered.messagesPerSecond(),
                        unordered.cpuSecondsPer10k(), unordered.failures());
    }

    /** Issue 14: the burst against a rate-limited simulator, pacing and ordering on, then off. */
    static String burst(BurstScenario scenario) throws IOException, InterruptedException {
        return burst(scenario, 1, new RepeatedFigures(1));
    }

    /**
     * Issue 14's burst: {@code repeat} runs with pacing and ordering on, each handed to {@code figures}, then one with
     * both off; each run in its own JVM against the same rate-limited simulator.
     */
    static String burst(BurstScenario scenario, int repeat, RepeatedFigures figures)
            throws IOException, InterruptedException {
        System.out.println(
                "== burst: " + scenario.describe() + (repeat > 1 ? ", " + repeat + " runs with pacing on" : ""));
        List<BurstScenario.Result> results = new ArrayList<>();
        try (LiveDeskSimulator limited = scenario.startSimulator()) {
            for (int run = 1; run <= repeat; run++) {
                BurstScenario.Result paced = scenario.run("pacing + ordering on" + (repeat > 1 ? ", run " + run : ""),
                        scenario.pacedOptions(), limited, "-Xmx512m");
                System.out.println("   " + paced.row());
                results.add(paced);
                figures.burst(paced);
                // let the simulator's windows empty before the next run
                Thread.sleep(2000);
            }
            BurstScenario.Result unpaced = scenario.run("pacing + ordering off (429 handling only)",
                    BurstScenario.unpacedOptions(), limited, "-Xmx512m");
            System.out.println("   " + unpaced.row());
            results.add(unpaced);
        }
        String table = burstTable(scenario, results, repeat);
        System.out.println(table);
        return "## burst against the rate limits\n\n" + scenario.describe() + ".\n\n" + table + "\n";
    }

    /**
     * Issue 18: messages to new customers by phone number, then the same messages to conversations by id, {@code repeat}
     * pairs in turn, each run in its own JVM against the same simulator.
     */
    static String customers(CustomersScenario scenario, int repeat) throws IOException, InterruptedException {
        System.out.println("== customers: " + scenario.describe() + (repeat > 1 ? ", " + repeat + " runs" : ""));
        List<CustomersCount.Result[]> pairs = new ArrayList<>();
        try (LiveDeskSimulator simulator = scenario.startSimulator()) {
            for (int run = 1; run <= repeat; run++) {
                String label = repeat > 1 ? "run " + run + ": " : "";
                CustomersCount.Result byCustomer = scenario.run(CustomersRunner.BY_CUSTOMER, simulator, "-Xmx512m");
                System.out.println("   " + byCustomer.row(label));
                CustomersCount.Result byConversation = scenario.run(CustomersRunner.BY_CONVERSATION, simulator,
                        "-Xmx512m");
                System.out.println("   " + byConversation.row(label));
                pairs.add(new CustomersCount.Result[]{ byCustomer, byConversation });
            }
        }
        String table = scenario.table(pairs);
        System.out.println(table);
        return "## customers: messages to new customers\n\n" + scenario.describe() + ".\n\n" + table + "\n";
    }

    static String burstTable(BurstScenario scenario, List<BurstScenario.Result> results) {
        return burstTable(scenario, results, 1);
    }

    /** The rows of every run; the targets over the first {@code pacedRuns} (pacing and ordering on). */
    static String burstTable(BurstScenario scenario, List<BurstScenario.Result> results, int pacedRuns) {
        StringBuilder out = new StringBuilder(BurstScenario.Result.header());
        results.forEach(result -> out.append(result.row()).append('\n'));
        List<BurstScenario.Result> paced = results.subList(0, Math.min(pacedRuns, results.size()));
        double seconds = RepeatedFigures.median(paced.stream().map(BurstScenario.Result::seconds).toList());
        boolean every = paced.size() > 1;
        out.append(String.format(Locale.ROOT,
                "%nTargets with pacing and ordering on%s: within 10%% of the least possible %.0f s: "
                        + "%.2fx%s, %s; no 429%s: %s; none out of order: %s; none lost: %s.%n",
                every ? " (" + paced.size() + " runs)" : "", scenario.minimumSeconds(),
                seconds / scenario.minimumSeconds(),
                every ? " (median)" : "",
                met(paced.stream().allMatch(BurstScenario.Result::finished)
                        && seconds <= scenario.minimumSeconds() * 1.1),
                every ? " in every run" : "", met(paced.stream().allMatch(r -> r.throttled() == 0)),
                met(paced.stream().allMatch(r -> r.outOfOrder() == 0)),
                met(paced.stream().allMatch(r -> r.lost() == 0))));
        return out.toString();
    }

    private static String met(boolean met) {
        return met ? "met" : "missed";
    }

    static Workload workload(Scenario scenario, String baseUrl, LiveDeskSimulator simulator, Path file,
            double warmup, double measure, long maxMessages) {
        return new Workload(scenario, baseUrl, simulator.apiKey(), simulator.apiSecret(), warmup, measure, maxMessages,
                file);
    }

    static ScenarioResult runScenario(Scenario scenario, String server, Workload workload, List<Variant> variants,
            String heap) throws IOException, InterruptedException {
        return medianResult(scenario, server, runRounds(scenario, server, workload, variants, heap, 1));
    }

    /**
     * Runs the variants {@code repeat} times in turn ((a), (c), (a), (c), ...: drift between runs touches every
     * variant alike), each in its own JVM; one list of measurements per round.
     */
    static List<List<Measurement>> runRounds(Scenario scenario, String server, Workload workload,
            List<Variant> variants,
            String heap, int repeat) throws IOException, InterruptedException {
        System.out.println("== " + scenario.name() + ": " + scenario.describe() + ", against " + server
                + (repeat > 1 ? ", " + repeat + " runs" : ""));
        List<List<Measurement>> rounds = new ArrayList<>();
        for (int run = 1; run <= repeat; run++) {
            List<Measurement> measurements = new ArrayList<>();
            for (Variant variant : variants) {
                Measurement measurement = runVariant(variant, workload, heap);
                System.out.printf(Locale.ROOT,
                        "   %s%-40s %,10.0f msg/s  %6.2f CPU s/10k  %5d MiB peak heap  %d failures%n",
                        repeat > 1 ? "run " + run + " " : "", variant.label(), measurement.messagesPerSecond(),
                        measurement.cpuSecondsPer10k(), measurement.peakHeapBytes() >> 20, measurement.failures());
                measurements.add(measurement);
            }
            rounds.add(measurements);
        }
        return rounds;
    }

    /** Per variant, the run with the median messages/s (the lower middle one for an even count). */
    static ScenarioResult medianResult(Scenario scenario, String server, List<List<Measurement>> rounds) {
        List<Measurement> medians = new ArrayList<>();
        for (Measurement first : rounds.get(0)) {
            List<Measurement> runs = rounds.stream().map(round -> of(round, first.variant())).toList();
            medians.add(RepeatedFigures.medianOf(runs, Measurement::messagesPerSecond));
        }
        return new ScenarioResult(scenario, server, medians);
    }

    private static Measurement of(List<Measurement> round, Variant variant) {
        return round.stream().filter(m -> m.variant() == variant).findFirst().orElse(null);
    }

    /** Runs one variant in a fresh JVM with this JVM's class path. */
    static Measurement runVariant(Variant variant, Workload workload, String heap)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                        VariantRunner.class.getName()));
        command.addAll(List.of(workload.toArgs(variant)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Measurement measurement = null;
        for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            Measurement parsed = Measurement.parse(line);
            if (parsed != null) {
                measurement = parsed;
            } else {
                output.append(line).append('\n');
            }
        }
        process.waitFor(5, TimeUnit.MINUTES);
        if (measurement == null) {
            throw new IllegalStateException(variant.label() + " produced no measurement; its output:\n" + output);
        }
        return measurement;
    }

    private static Path attachment(long size) throws IOException {
        Path file = Files.createTempFile("livedesk-bench-", ".bin");
        byte[] chunk = new byte[1 << 20];
        new Random(size).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return file;
    }

    private static void write(Path dir, BenchOptions options, List<ScenarioResult> results, String servers,
            String issue14,
            RepeatedFigures figures, Path jmh) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Generated by `BenchmarkHarness` on ").append(ZonedDateTime.now().withNano(0)).append(".\n\n");
        md.append("Command:\n\n```bash\n").append(COMMAND).append(options.flags()).append("\n```\n\n");
        String code = Tools.codeVersion();
        if (code != null) {
            md.append("Code: ").append(code).append(".\n\n");
        }
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("), ").append(memory()).append(", ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version"))
                .append(". Client, server and load generator share the cores.\n\n");
        md.append(
                "Each variant runs in its own JVM (`-XX:+UseParallelGC`), one after another, against the same server: "
                        + "a warm-up, then a measured window. CPU is the variant JVM's own process CPU time; peak heap is the highest "
                        + "heap use in the measured window.");
        if (options.repeat() > 1) {
            md.append(" No-latency, ordering-cost, the burst with pacing on and the customers pair ran ")
                    .append(options.repeat())
                    .append(" times each, variants in turn; their tables show, per variant, the run with the median messages/s, "
                            + "and the section \"Median of ")
                    .append(options.repeat()).append(" runs\" every run.");
        }
        md.append("\n\n");
        md.append("## Servers\n\n").append(servers).append('\n');
        for (ScenarioResult result : results) {
            md.append("## ").append(result.scenario().name()).append("\n\n").append(result.scenario().describe())
                    .append("; server: ").append(result.server()).append(".\n\n").append(ResultsReport.table(result))
                    .append('\n');
        }
        md.append(issue14);
        if (options.repeat() > 1) {
            md.append(figures.section());
        }
        md.append("## Targets\n\n").append(verdicts(results, figures)).append('\n');
        if (jmh != null && Files.exists(jmh)) {
            md.append("## JMH: per-message work of livedesk:send (text message)\n\n").append(jmhTable(jmh))
                    .append('\n');
        }
        Files.createDirectories(dir);
        if (!results.isEmpty()) {
            md.append("![results](results.png)\n");
            ResultsReport.chart(results, dir.resolve("results.png"));
        }
        Files.writeString(dir.resolve("RESULTS.md"), md.toString());
        System.out.println(md);
        System.out.println("Written to " + dir.toAbsolutePath().normalize().resolve("RESULTS.md"));
    }

    private static String verdicts(List<ScenarioResult> results, RepeatedFigures figures) {
        StringBuilder out = new StringBuilder();
        ScenarioResult noLatency = scenario(results, BenchOptions.NO_LATENCY);
        ScenarioResult latency = scenario(results, BenchOptions.LATENCY_200MS);
        // with several runs, the median of the runs' ratios: the runs of (a) and (c) were made in turn
        double sendVsRaw = figures.sendVsRawRatio();
        out.append(verdict("(c) >= 0.9x (a), no added latency",
                Double.isNaN(sendVsRaw) ? noLatency.ratio(Variant.LIVEDESK_TEMPLATE, Variant.RAW_HTTPCLIENT)
                        : sendVsRaw,
                0.9));
        out.append(verdict("(c) >= 2x (b), no added latency",
                noLatency.ratio(Variant.LIVEDESK_TEMPLATE, Variant.CAMEL_HTTP), 2));
        out.append(verdict("(c) >= 20x (b), 200 ms latency, 4 threads",
                latency.ratio(Variant.LIVEDESK_TEMPLATE, Variant.CAMEL_HTTP), 20));
        out.append(verdict("(d) >= 20x (b), 200 ms latency, 4 threads",
                latency.ratio(Variant.LIVEDESK_SEDA, Variant.CAMEL_HTTP), 20));
        out.append(String.format(Locale.ROOT,
                "* (c) vs (f) camel-vertx-http, no added latency: %s; with 200 ms latency: %s "
                        + "(no target: the strongest route a user could wire by hand)%n",
                ratio(noLatency.ratio(Variant.LIVEDESK_TEMPLATE, Variant.CAMEL_VERTX_HTTP)),
                ratio(latency.ratio(Variant.LIVEDESK_TEMPLATE, Variant.CAMEL_VERTX_HTTP))));
        ScenarioResult smallFiles = scenario(results, BenchOptions.ATTACHMENT_10MIB);
        ScenarioResult largeFiles = scenario(results, BenchOptions.ATTACHMENT_100MIB);
        if (smallFiles.of(Variant.LIVEDESK_TEMPLATE) != null && largeFiles.of(Variant.LIVEDESK_TEMPLATE) != null) {
            Measurement small = smallFiles.of(Variant.LIVEDESK_TEMPLATE);
            Measurement large = largeFiles.of(Variant.LIVEDESK_TEMPLATE);
            out.append(String.format(Locale.ROOT,
                    "* (c) peak heap independent of attachment size (the 100 MiB upload within 32 MiB of the "
                            + "10 MiB one): %d MiB for 10 MiB, %d MiB for 100 MiB (-Xmx128m): %s%n",
                    small.peakHeapBytes() >> 20, large.peakHeapBytes() >> 20,
                    large.peakHeapBytes() < small.peakHeapBytes() + (32L << 20) && large.failures() == 0 ? "met"
                            : "missed"));
        }
        return out.toString();
    }

    /** The named scenario's result, or an empty one (every ratio NaN) when it did not run. */
    private static ScenarioResult scenario(List<ScenarioResult> results, String name) {
        return results.stream().filter(r -> r.scenario().name().equals(name)).findFirst()
                .orElseGet(() -> new ScenarioResult(new Scenario(name, 0, 0, 0, 0), "not run", List.of()));
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String verdict(String target, double ratio, double required) {
        if (Double.isNaN(ratio)) {
            return String.format(Locale.ROOT, "* %s: not measured in this run%n", target);
        }
        return String.format(Locale.ROOT, "* %s: %.2fx, %s%n", target, ratio, ratio >= required ? "met" : "missed");
    }

    private static String jmhTable(Path file) throws IOException {
        StringBuilder out = new StringBuilder("| benchmark | µs/op | error (99.9%) |\n|---|---:|---:|\n");
        for (JsonNode run : new ObjectMapper().readTree(file.toFile())) {
            String name = run.get("benchmark").asText();
            JsonNode metric = run.get("primaryMetric");
            out.append(String.format(Locale.ROOT, "| %s | %.3f | ±%.3f |%n", name.substring(name.lastIndexOf('.') + 1),
                    metric.get("score").asDouble(), metric.get("scoreError").asDouble()));
        }
        return out.toString();
    }

    private static String rate(double value) {
        return value < 0 ? "not measured (wrk is not installed)" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return (bytes >> 30) + " GiB";
    }
}
