package io.github.camellivedesk.examples.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickstartApplicationTest {

    @Test
    void runsTheFourStepsAgainstTheSimulator() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveDeskTarget target = QuickstartApplication.target(Map.of())) {
            QuickstartApplication.run(target, new PrintStream(printed, true, StandardCharsets.UTF_8), false);

            var messages = target.simulator().conversation(QuickstartApplication.SIMULATED_CONVERSATION).messages();
            assertThat(messages).extracting(StoredMessage::content).containsExactly(
                    "Hello from Apache Camel!",
                    "Internal note: customer greeted by the integration.",
                    "Order update for Ana: shipped",
                    "Your parcel is at the door.",
                    "Hi, any news?");
            assertThat(messages.get(1).privateMessage()).isTrue();
            assertThat(messages.get(1).inReplyTo()).isEqualTo(messages.get(0).id());
            assertThat(messages.get(2).templateParams()).containsEntry("name", "order_update");
            assertThat(messages.get(3).status()).isEqualTo("sent");
            assertThat(messages.get(3).retryCount()).isEqualTo(1);
            String[] lines = printed.toString(StandardCharsets.UTF_8).split("\\R");
            assertThat(lines[lines.length - 1]).isEqualTo(target.simulator().baseUrl() + "/__simulator/ui");
            assertThat(lines[lines.length - 2]).contains("-Dlivedesk.keepRunning=true");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("embedded LiveDesk simulator")
                .contains("The simulator received")
                .containsPattern("Readiness producer:livedesk:\\S+: UP");
    }

    @Test
    void partialCredentialsAreRefusedInsteadOfFallingBackSilently() {
        assertThatThrownBy(() -> QuickstartApplication.target(Map.of("LIVEDESK_API_KEY", "k")))
                .hasMessageContaining("LIVEDESK_API_SECRET");
    }
}
