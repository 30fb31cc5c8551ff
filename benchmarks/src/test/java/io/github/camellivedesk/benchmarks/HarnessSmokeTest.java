package io.github.camellivedesk.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness working in the default build: each variant, in its own JVM through the harness's code path,
 * sends a few hundred messages to the simulator, which must have stored every one. No figures are taken here; the
 * measurements are made with {@code -Pbench}.
 */
class HarnessSmokeTest {

    private static final int MESSAGES = 300;
    private static LiveDeskSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = LiveDeskSimulator.builder().conversations(141L).build().start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void eachVariantDeliversEveryMessage(Variant variant) throws Exception {
        Workload workload = BenchmarkHarness.workload(Scenario.noLatency(), simulator.baseUrl(), simulator, null, 0, 60,
                MESSAGES);

        Measurement measurement = BenchmarkHarness.runVariant(variant, workload, "-Xmx256m");

        assertThat(measurement.variant()).isEqualTo(variant);
        assertThat(measurement.failures()).isZero();
        assertThat(measurement.messages()).isEqualTo(MESSAGES);
        assertThat(simulator.conversation(141L).messages()).hasSize(MESSAGES)
                .allSatisfy(m -> assertThat(m.content()).isEqualTo(Workload.CONTENT));
    }

    @Test
    void attachmentVariantsUploadTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("smoke.bin"), new byte[1 << 20]);
        Workload workload = BenchmarkHarness.workload(Scenario.attachment(1 << 20), simulator.baseUrl(), simulator,
                file, 0, 60, 2);

        for (Variant variant : new Variant[]{ Variant.CAMEL_HTTP, Variant.LIVEDESK_TEMPLATE }) {
            Measurement measurement = BenchmarkHarness.runVariant(variant, workload, "-Xmx128m");
            assertThat(measurement.failures()).as(variant.label()).isZero();
            assertThat(measurement.messages()).as(variant.label()).isEqualTo(2);
        }
        assertThat(simulator.attachments()).hasSize(4).allSatisfy(a -> assertThat(a.size()).isEqualTo(1 << 20));
    }

    @Test
    void burstRunsWithPacingAndOrderingOnAndOff() throws Exception {
        // issue 14's burst scaled down to 60 messages: the on run must meet every target but time
        BurstScenario scenario = new BurstScenario(60, 3, 100, 10);
        try (LiveDeskSimulator limited = scenario.startSimulator()) {
            BurstScenario.Result on = scenario.run("on", scenario.pacedOptions(), limited, "-Xmx256m");
            BurstScenario.Result off = scenario.run("off", BurstScenario.unpacedOptions(), limited, "-Xmx256m");

            assertThat(on.finished()).isTrue();
            assertThat(on.throttled()).as("429s").isZero();
            assertThat(on.outOfOrder()).isZero();
            assertThat(on.lost()).isZero();
            assertThat(on.failed()).isZero();
            assertThat(off.finished()).isTrue();
        }
    }

    @Test
    void customersByPhoneNumberMakeOneContactAndOneConversationEach() throws Exception {
        // issue 18's scenario scaled down to 100 messages, 10 customers, 4 consumers, no warm-up, one timed round, by
        // phone number only (one JVM, to stay quick; the by-conversation mode is the same runner with the other header)
        CustomersScenario scenario = new CustomersScenario(100, 10, 4, 0, 1);
        try (LiveDeskSimulator customers = scenario.startSimulator()) {
            CustomersCount.Result byCustomer = scenario.run(CustomersRunner.BY_CUSTOMER, customers, "-Xmx256m");

            assertThat(byCustomer).extracting(CustomersCount.Result::contacts, CustomersCount.Result::conversations,
                    CustomersCount.Result::messageRequests, CustomersCount.Result::otherRequests)
                    .containsExactly(10L, 10L, 100L, 0L);
            assertThat(byCustomer.meetsTargets()).as(byCustomer.row("")).isTrue();
        }
    }

    @Test
    void reportWritesTableAndChart(@TempDir Path dir) throws Exception {
        ScenarioResult result = new ScenarioResult(Scenario.noLatency(), "test", java.util.List.of(
                new Measurement(Variant.RAW_HTTPCLIENT, 1000, 0, 1.0, 0.5, 10 << 20),
                new Measurement(Variant.CAMEL_HTTP, 400, 0, 1.0, 0.9, 20 << 20)));

        String table = ResultsReport.table(result);
        ResultsReport.chart(java.util.List.of(result), dir.resolve("chart.png"));

        assertThat(table).contains("| (a) raw HttpClient 5 async | 1,000 | 5.00 | 10 MiB | 0 | 1.00x | 2.50x |");
        assertThat(javax.imageio.ImageIO.read(dir.resolve("chart.png").toFile()).getWidth()).isEqualTo(420);
    }
}
