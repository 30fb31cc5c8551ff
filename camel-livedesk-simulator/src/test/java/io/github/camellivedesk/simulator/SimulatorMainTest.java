package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorMainTest {

    @Test
    void startsWithTheGivenCredentialsAndPrintsWhereItListens() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LiveDeskSimulator simulator = SimulatorMain.run(
                new String[]{ "--port", "0", "--api-key", "k", "--api-secret", "s",
                        "--conversations", "141,142", "--threads", "2" },
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).contains("LiveDesk simulator listening on " + simulator.baseUrl())
                    .contains("API key:    k").contains("API secret: s")
                    .contains("Inbox page: " + simulator.baseUrl() + "/__simulator/ui ");
            assertThat(simulator.conversations()).extracting(SimulatedConversation::id).containsExactly(141L, 142L);
            assertThat(new Api(simulator).postJson(Api.messagesPath(142), "{\"content\":\"cli\"}").statusCode())
                    .isEqualTo(200);
        } finally {
            simulator.close();
        }
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertThat(SimulatorMain.run(new String[]{ "--help" }, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("--api-secret");
        assertThatThrownBy(() -> SimulatorMain.run(new String[]{ "--port", "x" }, System.out))
                .hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> SimulatorMain.run(new String[]{ "--bogus", "1" }, System.out))
                .hasMessageContaining("Unknown option --bogus");
        assertThatThrownBy(() -> SimulatorMain.run(new String[]{ "--conversations", "a,b" }, System.out))
                .hasMessageContaining("--conversations");
    }
}
