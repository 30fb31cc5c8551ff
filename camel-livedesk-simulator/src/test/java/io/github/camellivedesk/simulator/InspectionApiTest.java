package io.github.camellivedesk.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    @Test
    void conversationsMessagesAttachmentsAndRequestsAsJson() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        api.postJson(Api.messagesPath(141), "{\"content\":\"one\"}");
        api.postMultipart(Api.messagesPath(141), new Api.Multipart().field("content", "two")
                .file("filename=\"a.txt\"", "text/plain", "abc".getBytes()).end());

        List<Object> conversations = Api.jsonList(api.get("/__simulator/conversations"));
        List<Object> messages = Api.jsonList(api.get("/__simulator/conversations/141/messages"));
        List<Object> attachments = Api.jsonList(api.get("/__simulator/attachments"));
        List<Object> requests = Api.jsonList(api.get("/__simulator/requests"));

        Map<String, Object> seeded = new java.util.LinkedHashMap<>(Map.of("id", 141, "window_open", true,
                "message_count", 2, "status", "open", "inbox_id", 79, "unread_count", 0));
        seeded.put("snoozed_until", null);
        seeded.put("contact_id", null);
        assertThat(conversations).containsExactly(seeded);
        assertThat(messages.stream().map(m -> (Object) ((Map<?, ?>) m).get("content")).toList()).containsExactly("one",
                "two");
        assertThat((Map<String, Object>) attachments.get(0)).containsEntry("file_name", "a.txt")
                .containsEntry("sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(requests).hasSize(2);
        assertThat(api.get("/__simulator/conversations/999/messages").statusCode()).isEqualTo(404);
    }

    @Test
    void conversationsWindowsAndRepliesOverHttp() throws Exception {
        Api api = new Api(LIVEDESK.simulator());

        assertThat(api.post("/__simulator/conversations/200", "application/json", "", null).statusCode())
                .isEqualTo(200);
        api.post("/__simulator/conversations/200/window", "application/json", "{\"open\":false}", null);
        assertThat(LIVEDESK.simulator().conversation(200L).windowOpen()).isFalse();
        HttpResponse<String> reply = api.post("/__simulator/conversations/200/customer-reply", "application/json",
                "{\"content\":\"hi\"}", null);

        assertThat(Api.json(reply)).containsEntry("message_type", 0).containsEntry("content", "hi");
        assertThat(LIVEDESK.simulator().conversation(200L).windowOpen()).isTrue();
    }

    @Test
    void resetForgetsEverythingButSeededConversations() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        LIVEDESK.simulator().createConversation(300L);
        LIVEDESK.simulator().conversation(141L).closeWindow();
        api.postJson(Api.messagesPath(141), "{\"content\":\"gone\"}");
        LIVEDESK.simulator().faults().inject(Fault.status(500)).always();

        assertThat(api.post("/__simulator/reset", "application/json", "", null).statusCode()).isEqualTo(200);

        assertThat(LIVEDESK.simulator().conversations()).extracting(SimulatedConversation::id).containsExactly(141L);
        assertThat(LIVEDESK.simulator().conversation(141L).windowOpen()).isTrue();
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
        assertThat(LIVEDESK.simulator().requestCount()).isZero();
        assertThat(LIVEDESK.simulator().faults().describe()).isEmpty();
        assertThat(api.postJson(Api.messagesPath(141), "{\"content\":\"fresh\"}").statusCode()).isEqualTo(200);
        assertThat(LIVEDESK.simulator().messages().get(0).id()).isEqualTo(1);
        assertThatThrownBy(() -> LIVEDESK.simulator().conversation(300L))
                .hasMessageContaining("createConversation(300)");
    }

    @Test
    void startReturnsAServerThatAnswersAtOnce() throws Exception {
        // start-up time is measured by the command line (see the README), not asserted here: a loaded CI machine
        // would make any bound either flaky or meaningless
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(141L).build().start()) {
            assertThat(simulator.port()).isPositive();
            assertThat(new Api(simulator).postJson(Api.messagesPath(141), "{\"content\":\"first\"}").statusCode())
                    .isEqualTo(200);
        }
    }
}
