package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the simulator promises about itself as a library: no side effects on its JVM, settings fixed at build, no thread held by a wait. */
class SimulatorDesignTest {

    @Test
    void startingASimulatorChangesNoJvmWideSetting() throws Exception {
        assertThat(probe()).contains("nodelay=null", "maxIdleConnections=null");
    }

    @Test
    void theStandaloneMainTunesTheJdkServerItOwnsUnlessTheUserChose() throws Exception {
        // in fresh JVMs: this one has both properties from the build, so the main could not be seen setting them here
        assertThat(probe("standalone")).as("nothing chosen: the main sets both")
                .contains("nodelay=true", "maxIdleConnections=4096");
        assertThat(probe("-Dsun.net.httpserver.maxIdleConnections=77", "standalone"))
                .as("the user chose the idle limit")
                .contains("nodelay=true", "maxIdleConnections=77");
        assertThat(probe("-Dsun.net.httpserver.nodelay=false", "standalone")).as("the user chose Nagle")
                .contains("nodelay=false", "maxIdleConnections=4096");
    }

    /** The lines {@link PropertiesProbe} prints in a JVM started with only the given options and argument. */
    private static List<String> probe(String... optionsThenArgument) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path")));
        for (String option : optionsThenArgument) {
            if (option.startsWith("-D")) {
                command.add(option);
            }
        }
        command.add(PropertiesProbe.class.getName());
        for (String argument : optionsThenArgument) {
            if (!argument.startsWith("-D")) {
                command.add(argument);
            }
        }
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read before waiting, so a full pipe cannot stall the child
        String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended: %s", printed).isTrue();
        assertThat(probe.exitValue()).as("the probe's exit code: %s", printed).isZero();
        return printed.lines().toList();
    }

    @Test
    void aBuiltSimulatorKeepsItsSettingsWhenTheBuilderChangesLater() {
        LiveDeskSimulator.Builder builder = LiveDeskSimulator.builder().apiKey("first-key").conversations(141L);
        LiveDeskSimulator first = builder.build();
        builder.apiKey("second-key").conversations(999L);

        try (LiveDeskSimulator started = first.start()) {
            assertThat(started.apiKey()).isEqualTo("first-key");
            assertThat(started.conversations()).extracting(SimulatedConversation::id).containsExactly(141L);
        }
        assertThat(builder.build().apiKey()).isEqualTo("second-key");
    }

    @Test
    void settingsKeepTheSecretAndTokenOutOfToString() {
        String described = LiveDeskSimulator.builder().apiSecret("very-secret").adminToken("admin-t0ken").build()
                .settings().toString();

        assertThat(described).doesNotContain("very-secret").doesNotContain("admin-t0ken").contains("apiSecret=***");
    }

    @Test
    void aSlowBodyHoldsNoHandlerThread() throws Exception {
        // pauses no test outlives: while the first answer dribbles out, the second is answered however slow the
        // machine is; that a slow answer does end complete is FaultInjectionTest's part
        LiveDeskSimulator oneThread = LiveDeskSimulator.builder().conversations(141L).threads(1).build().start();
        CompletableFuture<Integer> slow;
        try {
            oneThread.faults().inject(Fault.slowBody(Duration.ofMinutes(10))).forNext(1);
            Api api = new Api(oneThread);
            slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.postJson(Api.messagesPath(141), "{\"content\":\"slow\"}").statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // recorded when its answer starts: the first answer is dribbling out now
            await().atMost(Duration.ofSeconds(30)).until(() -> oneThread.requestCount() == 1);
            // the only handler thread is free while the first answer dribbles out
            assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"quick\"}").statusCode()).isEqualTo(200);
            assertThat(slow.isDone()).isFalse();
            assertThat(oneThread.messages()).extracting(StoredMessage::content).containsExactly("slow", "quick");
        } finally {
            oneThread.close();
        }
        assertThat(slow).as("closing cuts the slow answer").failsWithin(Duration.ofSeconds(30));
    }

    @Test
    void standaloneCreatesConversationsOnFirstUseAndSaysSo() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveDeskSimulator simulator = SimulatorMain.run(
                new String[]{ "--port", "0", "--api-key", "k", "--api-secret", "s" },
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"first try\"}").statusCode())
                    .isEqualTo(200);
            assertThat(simulator.conversation(555L).messages()).extracting(StoredMessage::content)
                    .containsExactly("first try");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("created on first use")
                    .contains("--no-auto-create-conversations").contains("POST " + simulator.baseUrl()
                            + "/api/v2/accounts/contacts (inbox_id 79)")
                    .contains("/api/v2/accounts/conversations/{id}/toggle_status", "/contacts/search?q=",
                            "/contacts/{id}/conversations", "/__simulator/contacts");
        }
        try (LiveDeskSimulator simulator = SimulatorMain.run(
                new String[]{ "--port", "0", "--no-auto-create-conversations" },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"first try\"}").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theBuilderAndTheExtensionStayStrict() throws Exception {
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().build().start()) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"x\"}").statusCode())
                    .isEqualTo(404);
        }
        LiveDeskSimulatorExtension extension = LiveDeskSimulatorExtension.builder().build();
        extension.beforeEach(null);
        try {
            assertThat(
                    new Api(extension.simulator()).postJson(Api.messagesPath(555), "{\"content\":\"x\"}").statusCode())
                    .isEqualTo(404);
        } finally {
            extension.afterEach(null);
        }
    }
}
