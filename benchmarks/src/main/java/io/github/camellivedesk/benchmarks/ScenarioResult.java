package io.github.camellivedesk.benchmarks;

import java.util.List;

/**
 * The measurements of one scenario, in variant order.
 *
 * @param scenario     the scenario
 * @param server       what answered
 * @param measurements one per variant run
 */
record ScenarioResult(Scenario scenario, String server, List<Measurement> measurements) {

    Measurement of(Variant variant) {
        return measurements.stream().filter(m -> m.variant() == variant).findFirst().orElse(null);
    }

    /** Throughput of {@code variant} divided by that of {@code base}, or NaN when either is missing. */
    double ratio(Variant variant, Variant base) {
        Measurement a = of(variant);
        Measurement b = of(base);
        return a == null || b == null || b.messages() == 0 ? Double.NaN : a.messagesPerSecond() / b.messagesPerSecond();
    }
}
