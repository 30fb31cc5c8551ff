package io.github.camellivedesk.examples.yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.Fault;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Loads the example's YAML routes and application.properties with Camel Main, against the simulator, and checks what
 * the simulator stored and where each source file went.
 */
class YamlRoutesTest {

    private static final long CONVERSATION = 141L;
    private static final long OTHER_CONVERSATION = 142L;

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder()
            .conversations(CONVERSATION, OTHER_CONVERSATION).build();

    @TempDir
    Path inbox;

    private final List<Main> started = new ArrayList<>();

    @AfterEach
    void stopCamel() {
        started.forEach(Main::stop);
    }

    @Test
    void textOrderAndNoteFilesBecomeAMessageATemplateAndAPrivateNote(LiveDeskSimulator simulator) throws Exception {
        start(Map.of());
        drop("text/order-1001.txt", "Your order 1001 has shipped.");
        drop("orders/order-1002.json", "{\"1\": \"Ana\", \"2\": \"shipped\"}");
        drop("notes/call-back.txt", "Customer asked for a call back.");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("text/.sent/order-1001.txt"))
                && Files.exists(inbox.resolve("orders/.done/order-1002.json"))
                && Files.exists(inbox.resolve("notes/.done/call-back.txt")));

        List<StoredMessage> messages = simulator.conversation(CONVERSATION).messages();
        assertThat(messages).extracting(StoredMessage::content).containsExactlyInAnyOrder(
                "Your order 1001 has shipped.", "Order update for Ana: shipped", "Customer asked for a call back.");
        StoredMessage template = withContent(messages, "Order update for Ana: shipped");
        assertThat(template.templateParams()).containsEntry("name", "order_update").containsEntry("language", "en_US")
                .containsEntry("category", "UTILITY")
                .containsEntry("processed_params", Map.of("1", "Ana", "2", "shipped"));
        assertThat(withContent(messages, "Customer asked for a call back.").privateMessage()).isTrue();
        assertThat(withContent(messages, "Your order 1001 has shipped.").privateMessage()).isFalse();
        assertThat(inbox.resolve("text/order-1001.txt")).doesNotExist();
        assertThat(inbox.resolve("failed")).doesNotExist();
    }

    @Test
    void aFailedMessageIsParkedWithItsIdAndRetriedFromTheRetryFolder(LiveDeskSimulator simulator) throws Exception {
        simulator.conversation(CONVERSATION).closeWindow();
        start(Map.of());
        drop("text/refund.txt", "Your refund has been issued.");

        Path parked = inbox.resolve("failed/refund.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("text/.failed/refund.txt")));
        StoredMessage refused = simulator.conversation(CONVERSATION).messages().get(0);
        assertThat(refused.status()).isEqualTo("failed");
        assertThat(refused.externalError()).startsWith("131047");
        assertThat(Files.readString(parked)).isEqualTo(Long.toString(refused.id()));

        simulator.conversation(CONVERSATION).customerReply("Hi, where is my refund?");
        Files.createDirectories(inbox.resolve("retry"));
        Files.move(parked, inbox.resolve("retry/refund.id"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("retry/.done/refund.id")));
        StoredMessage resent = simulator.message(refused.id()).orElseThrow();
        assertThat(resent.status()).isEqualTo("sent");
        assertThat(resent.retryCount()).isEqualTo(1);
        assertThat(simulator.conversation(CONVERSATION).messages()).hasSize(2);
    }

    @Test
    void aFileLiveDeskDidNotAcceptGoesToTheErrorFolder(LiveDeskSimulator simulator) throws Exception {
        simulator.faults().inject(Fault.status(503)).forNext(1);
        start(Map.of());
        drop("text/down.txt", "LiveDesk is down for this one.");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("text/.error/down.txt")));
        assertThat(simulator.messages()).isEmpty();
        assertThat(inbox.resolve("text/.sent")).doesNotExist();
    }

    @Test
    void theTemplateKameletTakesItsCredentialsAndConversationAsProperties(LiveDeskSimulator simulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "classpath:routes/*.camel.yaml,classpath:test-routes/*.camel.yaml");
        // the component has no credentials: the Kamelet's own properties must carry them
        properties.put("camel.component.livedesk.api-key", "wrong-key");
        properties.put("camel.component.livedesk.api-secret", "wrong-secret");
        properties.put("camel.component.livedesk.base-url", "http://127.0.0.1:1");
        properties.put("test.kamelet.api-key", simulator.apiKey());
        properties.put("test.kamelet.api-secret", simulator.apiSecret());
        properties.put("test.kamelet.base-url", simulator.baseUrl());
        properties.put("test.kamelet.conversation-id", Long.toString(OTHER_CONVERSATION));
        Main main = start(properties);

        main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:order-update",
                Map.of("1", "Ana", "2", "delivered"), "CamelLiveDeskContent", "Order delivered");

        List<StoredMessage> messages = simulator.conversation(OTHER_CONVERSATION).messages();
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).content()).isEqualTo("Order delivered");
        assertThat(messages.get(0).templateParams()).containsEntry("name", "order_update")
                .containsEntry("processed_params", Map.of("1", "Ana", "2", "delivered"));
    }

    @Test
    void theTemplateKameletReachesACustomerByPhoneNumberThroughAnInbox(LiveDeskSimulator simulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "classpath:routes/*.camel.yaml,classpath:test-routes/*.camel.yaml");
        // the test routes of the other Kamelet test need their placeholders too
        properties.put("test.kamelet.api-key", simulator.apiKey());
        properties.put("test.kamelet.api-secret", simulator.apiSecret());
        properties.put("test.kamelet.base-url", simulator.baseUrl());
        properties.put("test.kamelet.conversation-id", Long.toString(OTHER_CONVERSATION));
        Main main = start(properties);

        for (String status : List.of("shipped", "delivered")) {
            main.getCamelContext().createProducerTemplate().sendBodyAndHeader("direct:order-update-customer",
                    Map.of("1", "Ana", "2", status), "CamelLiveDeskCustomerPhoneNumber", "+4915112345678");
        }

        assertThat(simulator.contacts()).singleElement()
                .satisfies(contact -> assertThat(contact.phoneNumber()).isEqualTo("+4915112345678"));
        SimulatedConversation conversation = simulator.conversations().stream()
                .filter(candidate -> candidate.contact().isPresent()).findFirst().orElseThrow();
        assertThat(conversation.messages()).extracting(message -> message.templateParams().get("processed_params"))
                .containsExactly(Map.of("1", "Ana", "2", "shipped"), Map.of("1", "Ana", "2", "delivered"));
    }

    private Main start(Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("livedesk.inbox", inbox.toString());
        properties.put("livedesk.conversation-id", Long.toString(CONVERSATION));
        properties.putAll(overrides);
        Main main = YamlApplication.simulated(LIVEDESK.simulator(), properties);
        started.add(main);
        main.start();
        return main;
    }

    private void drop(String name, String content) throws Exception {
        Path target = inbox.resolve(name);
        Files.createDirectories(target.getParent());
        // written aside and moved in, so the file consumer never reads half a file
        Path partial = Files.writeString(inbox.resolve(name.replace('/', '-') + ".partial"), content);
        Files.move(partial, target);
    }

    private static StoredMessage withContent(List<StoredMessage> messages, String content) {
        return messages.stream().filter(message -> content.equals(message.content())).findFirst().orElseThrow();
    }
}
