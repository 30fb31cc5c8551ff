package io.github.camellivedesk.examples.quickstart;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickstartApplicationTest {

    @Test
    void runsTheFiveStepsAgainstTheSimulator() throws Exception {
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

            // the template to a customer known by phone number: one contact, one conversation made for it
            assertThat(target.simulator().contacts()).singleElement().satisfies(contact -> {
                assertThat(contact.phoneNumber()).isEqualTo(CustomerUpdate.SIMULATED_PHONE_NUMBER);
                assertThat(contact.name()).isEqualTo("Ana");
            });
            List<SimulatedConversation> customers = target.simulator().conversations().stream()
                    .filter(conversation -> conversation.contact().isPresent()).toList();
            assertThat(customers).singleElement().satisfies(conversation -> assertThat(conversation.messages())
                    .singleElement().satisfies(message -> {
                        assertThat(message.content()).isEqualTo("Order update for Ana: out for delivery");
                        assertThat(message.templateParams()).containsEntry("name", "order_update");
                    }));
            String[] lines = printed.toString(StandardCharsets.UTF_8).split("\\R");
            assertThat(lines[lines.length - 1]).isEqualTo(target.simulator().baseUrl() + "/__simulator/ui");
            assertThat(lines[lines.length - 2]).contains("-Dlivedesk.keepRunning=true");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("embedded LiveDesk simulator")
                .contains("The simulator received")
                .containsPattern("Customer \\+4915112345678 \\(contact \\d+, created by the component\\) has "
                        + "conversation \\d+ in inbox 79, which holds:\\R  #\\d+ outgoing sent   template order_update")
                .containsPattern("Readiness producer:livedesk:\\S+: UP");
    }

    @Test
    void partialCredentialsAreRefusedInsteadOfFallingBackSilently() {
        assertThatThrownBy(() -> QuickstartApplication.target(Map.of("LIVEDESK_API_KEY", "k")))
                .hasMessageContaining("LIVEDESK_API_SECRET");
    }
}
