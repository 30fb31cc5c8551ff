package io.github.camellivedesk.simulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A static extension starts once per class and resets between tests; methods can take the simulator as a parameter. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionLifecycleTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder()
            .conversations(141L).apiKey("k").apiSecret("s").build();

    private static int firstPort;
    private static LiveDeskSimulator firstInstance;

    @Test
    @Order(1)
    void firstTestLeavesAMessage(LiveDeskSimulator simulator) throws Exception {
        firstPort = simulator.port();
        firstInstance = simulator;
        assertThat(LIVEDESK.apiKey()).isEqualTo("k");
        assertThat(LIVEDESK.apiSecret()).isEqualTo("s");
        assertThat(new Api(simulator).postJson(Api.messagesPath(141), "{\"content\":\"x\"}").statusCode())
                .isEqualTo(200);
        assertThat(simulator.messages()).hasSize(1);
    }

    @Test
    @Order(2)
    void secondTestSeesTheSameServerReset(LiveDeskSimulator simulator) {
        assertThat(simulator).isSameAs(firstInstance);
        assertThat(simulator.port()).isEqualTo(firstPort);
        assertThat(simulator.messages()).isEmpty();
        assertThat(simulator.requestCount()).isZero();
        assertThat(LIVEDESK.baseUrl()).isEqualTo("http://127.0.0.1:" + firstPort);
    }
}
