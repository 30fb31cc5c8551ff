package io.github.camellivedesk.examples.email;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveDeskTargetTest {

    @Test
    void partialCredentialsAreRefusedInsteadOfFallingBackToTheSimulator() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k")))
                .hasMessageContaining("LIVEDESK_API_SECRET");
    }

    @Test
    void theRealServiceNeedsTheConversationToSendTo() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k", "LIVEDESK_API_SECRET", "s")))
                .hasMessageContaining("LIVEDESK_CONVERSATION_ID");
    }

    @Test
    void credentialsAndConversationPointTheAppAtTheRealService() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s", "LIVEDESK_CONVERSATION_ID", "141"))) {
            assertThat(target.simulator()).isNull();
            assertThat(target.camelProperties())
                    .containsEntry("camel.component.livedesk.base-url", "https://livedesk-api.engagelab.com")
                    .containsEntry("livedesk.conversation-id", "141");
        }
    }
}
