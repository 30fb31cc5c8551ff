package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the simulator promises about itself as a library: no side effects on its JVM, settings fixed at build, no thread held by a wait. */
class SimulatorDesignTest {

    @Test
    void startingASimulatorChangesNoJvmWideSetting() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PropertiesProbe.class.getName())
                .redirectErrorStream(true).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(printed).contains("nodelay=null").contains("maxIdleConnections=null");
    }

    @Test
    void theStandaloneMainTunesTheJdkServerItOwnsUnlessTheUserChose() {
        String before = System.getProperty("sun.net.httpserver.maxIdleConnections");
        System.setProperty("sun.net.httpserver.maxIdleConnections", "77");
        try {
            SimulatorMain.tuneJdkHttpServer();
            assertThat(System.getProperty("sun.net.httpserver.maxIdleConnections")).isEqualTo("77");
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isNotNull();
        } finally {
            if (before == null) {
                System.clearProperty("sun.net.httpserver.maxIdleConnections");
            } else {
                System.setProperty("sun.net.httpserver.maxIdleConnections", before);
            }
        }
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
        String described = LiveDeskSimulator.builder().apiSecret("very-secret").adminToken("admin-t0ken").build().settings().toString();

        assertThat(described).doesNotContain("very-secret").doesNotContain("admin-t0ken").contains("apiSecret=***");
    }

    @Test
    void aSlowBodyHoldsNoHandlerThread() throws Exception {
        try (LiveDeskSimulator oneThread = LiveDeskSimulator.builder().conversations(141L).threads(1).build().start()) {
            oneThread.faults().inject(Fault.slowBody(Duration.ofMillis(250))).forNext(1);
            Api api = new Api(oneThread);
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.postJson(Api.messagesPath(141), "{\"content\":\"slow\"}").statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (oneThread.requestCount() == 0) {
                Thread.onSpinWait();
            }
            // the only handler thread is free while the first answer dribbles out for about 2 s
            assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"quick\"}").statusCode()).isEqualTo(200);
            assertThat(slow.isDone()).isFalse();
            assertThat(slow.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        }
    }

    @Test
    void standaloneCreatesConversationsOnFirstUseAndSaysSo() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[] { "--port", "0", "--api-key", "k", "--api-secret", "s" },
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"first try\"}").statusCode()).isEqualTo(200);
            assertThat(simulator.conversation(555L).messages()).extracting(StoredMessage::content).containsExactly("first try");
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("created on first use")
                    .contains("--no-auto-create-conversations");
        }
        try (LiveDeskSimulator simulator = SimulatorMain.run(new String[] { "--port", "0", "--no-auto-create-conversations" },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"first try\"}").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theBuilderAndTheExtensionStayStrict() throws Exception {
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().build().start()) {
            assertThat(new Api(simulator).postJson(Api.messagesPath(555), "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
        }
        LiveDeskSimulatorExtension extension = LiveDeskSimulatorExtension.builder().build();
        extension.beforeEach(null);
        try {
            assertThat(new Api(extension.simulator()).postJson(Api.messagesPath(555), "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
        } finally {
            extension.afterEach(null);
        }
    }
}
