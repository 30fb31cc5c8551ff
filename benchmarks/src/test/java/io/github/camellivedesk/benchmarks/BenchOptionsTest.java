package io.github.camellivedesk.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's livedesk.bench.* options and how the repeated figures are reported; no measurement is made here. */
class BenchOptionsTest {

    @Test
    void defaultsAreTheFullRunOnce() {
        BenchOptions options = BenchOptions.parse(null, "all", "", "", null, "");

        assertThat(options.repeat()).isEqualTo(1);
        assertThat(options.everything()).isTrue();
        assertThat(options.variants()).containsExactly(Variant.values());
        assertThat(options.warmup(5)).isEqualTo(5);
        assertThat(options.measure(15)).isEqualTo(15);
        assertThat(options.burstMessages()).isEqualTo(3000);
        assertThat(options.flags()).isEmpty();
    }

    @Test
    void aSelectionRunsItsScenariosInTheHarnessOrder() {
        BenchOptions options = BenchOptions.parse("3", "burst, ordering-cost,NO-LATENCY", "c,(a)", "1", "2.5", "300");

        assertThat(options.scenarios()).containsExactly("no-latency", "ordering-cost", "burst");
        assertThat(options.everything()).isFalse();
        assertThat(options.runs("latency-200ms")).isFalse();
        assertThat(options.variants()).containsExactly(Variant.RAW_HTTPCLIENT, Variant.LIVEDESK_TEMPLATE);
        assertThat(options.warmup(5)).isEqualTo(1);
        assertThat(options.measure(15)).isEqualTo(2.5);
        assertThat(options.flags())
                .isEqualTo(" -Dlivedesk.bench.scenarios=no-latency,ordering-cost,burst -Dlivedesk.bench.repeat=3"
                        + " -Dlivedesk.bench.variants=a,c -Dlivedesk.bench.warmupSeconds=1"
                        + " -Dlivedesk.bench.measureSeconds=2.5 -Dlivedesk.bench.burstMessages=300");
    }

    @Test
    void variantsByLetterOrName() {
        assertThat(BenchOptions.parse("", "", "c',LIVEDESK_SEDA", "", "", "").variants())
                .containsExactly(Variant.LIVEDESK_TEMPLATE_POOLED, Variant.LIVEDESK_SEDA);
    }

    @Test
    void unknownNamesFailInsteadOfRunningSomethingElse() {
        assertThatThrownBy(() -> BenchOptions.parse("", "no-latency,bursts", "", "", "", ""))
                .hasMessageContaining("unknown scenario 'bursts'");
        assertThatThrownBy(() -> BenchOptions.parse("", "", "a,g", "", "", ""))
                .hasMessageContaining("unknown variant 'g'");
        assertThatThrownBy(() -> BenchOptions.parse("0", "", "", "", "", "")).hasMessageContaining("repeat");
    }

    @Test
    void medians() {
        assertThat(RepeatedFigures.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(RepeatedFigures.median(List.of(4.0, 1.0))).isEqualTo(2.5);
        assertThat(RepeatedFigures.median(List.of())).isNaN();
        assertThat(RepeatedFigures.medianOf(List.of("bb", "a", "ccc", "dddd"), s -> (double) s.length()))
                .isEqualTo("bb");
    }

    @Test
    void theSectionShowsEveryRunAndTheMedianAndA429InAnyRunMissesTheTarget() {
        RepeatedFigures figures = new RepeatedFigures(3);
        for (double raw : new double[]{ 1000, 1100, 900 }) {
            figures.sendVsRaw(measurement(Variant.RAW_HTTPCLIENT, raw),
                    measurement(Variant.LIVEDESK_TEMPLATE, raw * 0.8));
            figures.ordering(measurement(Variant.LIVEDESK_TEMPLATE, raw * 0.9),
                    measurement(Variant.LIVEDESK_TEMPLATE, raw));
        }
        BurstScenario scenario = BurstScenario.issue14();
        figures.burst(new BurstScenario.Result("on", 31.0, 30, true, 0, 0, 0, 0, 0));
        figures.burst(new BurstScenario.Result("on", 33.0, 30, true, 0, 2, 0, 0, 0));
        figures.burst(new BurstScenario.Result("on", 32.0, 30, true, 0, 0, 0, 0, 0));

        String section = figures.section();

        assertThat(section).startsWith("## Median of 3 runs\n")
                .contains("| figure | run 1 | run 2 | run 3 | median |\n|---|---:|---:|---:|---:|\n")
                .contains(
                        "| (c) / (a) messages/s, no-latency | 0.80x (800 / 1,000) | 0.80x (880 / 1,100) | 0.80x (720 / 900) | **0.80x** |")
                .contains("| preserveOrder true / false messages/s, ordering-cost | 0.90x (900 / 1,000) |")
                .contains(
                        "| burst, pacing on: time / least possible (30 s) | 1.03x (31.0 s) | 1.10x (33.0 s) | 1.07x (32.0 s) | **1.07x** (32.0 s) |")
                .contains("| burst, pacing on: 429s | 0 | 2 | 0 | **not 0 in every run: missed** |");
        assertThat(figures.sendVsRawRatio()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(scenario.withMessages(300).minimumSeconds()).isEqualTo(3.0);
    }

    private static Measurement measurement(Variant variant, double messagesPerSecond) {
        return new Measurement(variant, (long) messagesPerSecond, 0, 1.0, 0.5, 1 << 20);
    }
}
