package io.github.camellivedesk.examples.jms;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveDeskTargetTest {

    @Test
    void partialCredentialsAreRefusedInsteadOfFallingBackToTheSimulator() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_SECRET", "s")))
                .hasMessageContaining("LIVEDESK_API_KEY");
    }

    @Test
    void credentialsPointTheAppAtTheRealService() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s", "LIVEDESK_BASE_URL", "https://livedesk.example.com"))) {
            assertThat(target.simulator()).isNull();
            assertThat(target.camelProperties())
                    .containsEntry("camel.component.livedesk.base-url", "https://livedesk.example.com")
                    .containsEntry("camel.component.livedesk.api-key", "k");
        }
    }
}
