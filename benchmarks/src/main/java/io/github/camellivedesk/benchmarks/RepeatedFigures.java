package io.github.camellivedesk.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Issue 17 item 6's three figures, one value per run of the same sitting, and their medians: (c) / (a) with no added
 * latency, ordered / unordered messages/s over 64 conversations, and the burst with pacing on (time against the least
 * possible, 429s in every run).
 */
final class RepeatedFigures {

    private final int repeat;
    private final List<Measurement[]> sendVsRaw = new ArrayList<>();
    private final List<Measurement[]> ordering = new ArrayList<>();
    private final List<BurstScenario.Result> bursts = new ArrayList<>();

    RepeatedFigures(int repeat) {
        this.repeat = repeat;
    }

    /** One run of (a) and (c) in the no-latency scenario. */
    void sendVsRaw(Measurement raw, Measurement send) {
        sendVsRaw.add(new Measurement[]{ send, raw });
    }

    /** One run of (c) with preserveOrder=true and false. */
    void ordering(Measurement ordered, Measurement unordered) {
        ordering.add(new Measurement[]{ ordered, unordered });
    }

    /** One burst with pacing and ordering on. */
    void burst(BurstScenario.Result paced) {
        bursts.add(paced);
    }

    /** Median of the (c) / (a) ratios of the runs, NaN before any. */
    double sendVsRawRatio() {
        return median(sendVsRaw.stream().map(RepeatedFigures::ratio).toList());
    }

    /** Median of the ordered / unordered ratios of the runs, NaN before any. */
    double orderingRatio() {
        return median(ordering.stream().map(RepeatedFigures::ratio).toList());
    }

    /** The middle value; the mean of the two middle ones for an even count; NaN for none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The element whose key is the median one (the lower middle for an even count): a run that happened. */
    static <T> T medianOf(List<T> runs, Function<T, Double> key) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(key));
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The first's messages/s over the second's. */
    private static double ratio(Measurement[] pair) {
        return pair[0].messagesPerSecond() / pair[1].messagesPerSecond();
    }

    /** The "median of N runs" section of RESULTS.md; empty if none of the three figures was measured. */
    String section() {
        if (sendVsRaw.isEmpty() && ordering.isEmpty() && bursts.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Median of ").append(repeat).append(repeat == 1 ? " run" : " runs")
                .append("\n\nIssue 17's three figures, every run of this sitting and the median (the variants of a figure "
                        + "interleaved: (a), (c), (a), (c), ...; preserveOrder true, false, true, false, ...).\n\n");
        out.append("| figure |");
        for (int run = 1; run <= repeat; run++) {
            out.append(" run ").append(run).append(" |");
        }
        out.append(" median |\n|---|");
        out.append("---:|".repeat(repeat + 1)).append('\n');
        if (!sendVsRaw.isEmpty()) {
            row(out, "(c) / (a) messages/s, no-latency", sendVsRaw.stream()
                    .map(p -> String.format(Locale.ROOT, "%.2fx (%,.0f / %,.0f)", ratio(p), p[0].messagesPerSecond(),
                            p[1].messagesPerSecond()))
                    .toList(),
                    String.format(Locale.ROOT, "**%.2fx**",
                            median(sendVsRaw.stream().map(RepeatedFigures::ratio).toList())));
        }
        if (!ordering.isEmpty()) {
            row(out, "preserveOrder true / false messages/s, ordering-cost", ordering.stream()
                    .map(p -> String.format(Locale.ROOT, "%.2fx (%,.0f / %,.0f)", ratio(p), p[0].messagesPerSecond(),
                            p[1].messagesPerSecond()))
                    .toList(),
                    String.format(Locale.ROOT, "**%.2fx**", orderingRatio()));
        }
        if (!bursts.isEmpty()) {
            double minimum = bursts.get(0).minimumSeconds();
            double medianSeconds = median(bursts.stream().map(BurstScenario.Result::seconds).toList());
            row(out, String.format(Locale.ROOT, "burst, pacing on: time / least possible (%.0f s)", minimum),
                    bursts.stream()
                            .map(b -> String.format(Locale.ROOT, "%.2fx (%.1f s)", b.seconds() / minimum, b.seconds()))
                            .toList(),
                    String.format(Locale.ROOT, "**%.2fx** (%.1f s)", medianSeconds / minimum, medianSeconds));
            boolean none = bursts.stream().allMatch(b -> b.throttled() == 0);
            row(out, "burst, pacing on: 429s",
                    bursts.stream().map(b -> String.format(Locale.ROOT, "%,d", b.throttled())).toList(),
                    none ? "0 in every run: met" : "**not 0 in every run: missed**");
            row(out, "burst, pacing on: out of order / lost / failed", bursts.stream()
                    .map(b -> String.format(Locale.ROOT, "%,d / %,d / %,d", b.outOfOrder(), b.lost(), b.failed()))
                    .toList(),
                    "");
        }
        return out.append('\n').toString();
    }

    private void row(StringBuilder out, String figure, List<String> runs, String median) {
        out.append("| ").append(figure).append(" |");
        for (int run = 0; run < repeat; run++) {
            out.append(' ').append(run < runs.size() ? runs.get(run) : "").append(" |");
        }
        out.append(' ').append(median).append(" |\n");
    }
}
