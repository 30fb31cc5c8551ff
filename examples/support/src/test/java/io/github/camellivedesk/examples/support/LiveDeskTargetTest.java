package io.github.camellivedesk.examples.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.examples.support.LiveDeskTarget.Conversation;
import io.github.camellivedesk.simulator.SimulatedConversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveDeskTargetTest {

    @Test
    void withoutCredentialsTheExampleTalksToASimulatorOnLoopback() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of(), Conversation.PER_MESSAGE, 141L, 142L)) {
            assertThat(target.isSimulated()).isTrue();
            assertThat(target.simulator().conversations()).extracting(SimulatedConversation::id).containsExactly(141L,
                    142L);
            assertThat(target.camelProperties())
                    .isEqualTo(target.simulator().camelComponentProperties())
                    .hasEntrySatisfying("camel.component.livedesk.base-url",
                            url -> assertThat(url).startsWith("http://127.0.0.1:"));
        }
    }

    @Test
    void theSimulatedConversationToSendToIsTheFirstOne() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of(), Conversation.REQUIRED, 141L)) {
            assertThat(target.camelProperties())
                    .containsAllEntriesOf(target.simulator().camelComponentProperties())
                    .containsEntry("livedesk.conversation-id", "141");
        }
    }

    @Test
    void anExampleThatSendsToOneConversationNamesItsSimulatedConversation() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of(), Conversation.REQUIRED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("simulated conversation");
    }

    @Test
    void credentialsPointTheAppAtTheRealServiceAtTheDocumentedHost() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s"), Conversation.PER_MESSAGE, 141L)) {
            assertThat(target.simulator()).isNull();
            assertThat(target.isSimulated()).isFalse();
            assertThat(target.camelProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "camel.component.livedesk.base-url", "https://livedesk-api.engagelab.com",
                    "camel.component.livedesk.api-key", "k",
                    "camel.component.livedesk.api-secret", "s"));
        }
    }

    @Test
    void theBaseUrlCanPointElsewhere() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s", "LIVEDESK_BASE_URL", "https://livedesk.example.com"),
                Conversation.PER_MESSAGE)) {
            assertThat(target.camelProperties())
                    .containsEntry("camel.component.livedesk.base-url", "https://livedesk.example.com")
                    .containsEntry("camel.component.livedesk.api-key", "k");
        }
    }

    @Test
    void credentialsAndConversationPointTheAppAtTheRealService() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s", "LIVEDESK_CONVERSATION_ID", "9001"), Conversation.REQUIRED, 141L)) {
            assertThat(target.simulator()).isNull();
            assertThat(target.camelProperties())
                    .containsEntry("camel.component.livedesk.base-url", "https://livedesk-api.engagelab.com")
                    .containsEntry("livedesk.conversation-id", "9001");
        }
    }

    @Test
    void theRealServiceNeedsTheConversationToSendTo() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s"), Conversation.REQUIRED, 141L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIVEDESK_CONVERSATION_ID");
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k",
                "LIVEDESK_API_SECRET", "s", "LIVEDESK_CONVERSATION_ID", " "), Conversation.REQUIRED, 141L))
                .hasMessageContaining("LIVEDESK_CONVERSATION_ID");
    }

    @Test
    void theConversationIsIgnoredWhenEachMessageNamesItsOwn() {
        try (LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_CONVERSATION_ID", "9001"),
                Conversation.PER_MESSAGE, 141L)) {
            assertThat(target.isSimulated()).isTrue();
            assertThat(target.camelProperties()).doesNotContainKey("livedesk.conversation-id");
        }
    }

    @Test
    void oneCredentialAloneIsRefusedInsteadOfFallingBackToTheSimulator() {
        assertThatThrownBy(
                () -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k"), Conversation.PER_MESSAGE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIVEDESK_API_SECRET");
        assertThatThrownBy(
                () -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_SECRET", "s"), Conversation.PER_MESSAGE))
                .hasMessageContaining("LIVEDESK_API_KEY");
        assertThatThrownBy(
                () -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_API_KEY", "k"), Conversation.REQUIRED, 141L))
                .hasMessageContaining("LIVEDESK_API_SECRET")
                .hasMessageContaining("LIVEDESK_CONVERSATION_ID");
    }

    @Test
    void aConversationWithoutCredentialsIsRefusedWhenTheExampleSendsToIt() {
        assertThatThrownBy(() -> LiveDeskTarget.fromEnvironment(Map.of("LIVEDESK_CONVERSATION_ID", "9001"),
                Conversation.REQUIRED, 141L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LIVEDESK_API_KEY");
    }

    @Test
    void closingStopsTheSimulator() {
        LiveDeskTarget target = LiveDeskTarget.fromEnvironment(Map.of(), Conversation.PER_MESSAGE, 141L);
        target.close();
        assertThatThrownBy(() -> target.simulator().baseUrl()).isInstanceOf(IllegalStateException.class);
    }
}
