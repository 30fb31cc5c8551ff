package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A runtime that reads its configuration before the test starts needs the port up front, and the properties to bind. */
class FixedPortExtensionTest {

    private static final int PORT = freePort();

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder()
            .port(PORT).apiKey("key-1").apiSecret("secret-1").build();

    @Test
    void listensOnTheGivenPortAndHandsOutCamelProperties(LiveDeskSimulator simulator) {
        assertThat(simulator.port()).isEqualTo(PORT);
        assertThat(LIVEDESK.camelComponentProperties()).containsExactly(
                Map.entry("camel.component.livedesk.base-url", "http://127.0.0.1:" + PORT),
                Map.entry("camel.component.livedesk.api-key", "key-1"),
                Map.entry("camel.component.livedesk.api-secret", "secret-1"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
