package io.github.camellivedesk.internal.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.model.event.ContactCreated;
import io.github.camellivedesk.model.event.ContactUpdated;
import io.github.camellivedesk.model.event.ConversationCreated;
import io.github.camellivedesk.model.event.ConversationStatusChanged;
import io.github.camellivedesk.model.event.ConversationUpdated;
import io.github.camellivedesk.model.event.LiveDeskEvent;
import io.github.camellivedesk.model.event.MessageCreated;
import io.github.camellivedesk.model.event.MessageUpdated;
import io.github.camellivedesk.model.event.OtherEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventReaderTest {

    private static LiveDeskEvent read(String json) throws RefusedDelivery {
        return EventReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void messageTypesComeAsWordsOrNumbersAndTheConversationFromTheWrapper() throws Exception {
        String[][] types = { { "\"incoming\"", "incoming" }, { "\"outgoing\"", "outgoing" },
                { "\"activity\"", "activity" }, { "\"template\"", "outgoing" }, { "0", "incoming" },
                { "1", "outgoing" }, { "\"unknown\"", "outgoing" } };
        for (String[] type : types) {
            MessageCreated created = (MessageCreated) read("{\"event\":\"message_created\",\"id\":17629000001207,"
                    + "\"message_type\":" + type[0] + ",\"conversation\":{\"id\":141}}");
            assertThat(created.kind()).as(type[0]).isEqualTo(type[1]);
            assertThat(created.message().id()).isEqualTo(17629000001207L);
            assertThat(created.message().conversationId()).isEqualTo(141L);
        }
        MessageUpdated note = (MessageUpdated) read("{\"event\":\"message_updated\",\"id\":1,\"conversation_id\":7,"
                + "\"message_type\":\"outgoing\",\"private\":true,\"conversation\":{\"id\":141},"
                + "\"status\":\"failed\",\"content_attributes\":{\"external_error\":\"(#132000) Number of "
                + "parameters does not match\"}}");
        assertThat(note.kind()).isEqualTo("private");
        assertThat(note.message().conversationId()).isEqualTo(7L);
        assertThat(note.message().externalError().orElseThrow().code()).isEqualTo(132000);
    }

    @Test
    void eachKnownEventHasItsRecordAndTheRestPassOn() throws Exception {
        String conversation = ",\"id\":141,\"status\":\"resolved\",\"meta\":{\"sender\":{\"id\":9}}}";
        assertThat(read("{\"event\":\"conversation_created\"" + conversation))
                .isInstanceOfSatisfying(ConversationCreated.class, event -> {
                    assertThat(event.conversation().id()).isEqualTo(141L);
                    assertThat(event.conversation().contact()).contains(9L);
                });
        assertThat(read("{\"event\":\"conversation_updated\"" + conversation)).isInstanceOf(ConversationUpdated.class);
        assertThat(read("{\"event\":\"conversation_status_changed\",\"id\":141,\"status\":\"resolved\","
                + "\"changed_attributes\":[{\"assignee_id\":{}},{\"status\":{\"previous_value\":\"open\","
                + "\"current_value\":\"resolved\"}}]}"))
                .isInstanceOfSatisfying(ConversationStatusChanged.class,
                        event -> assertThat(event.previousStatus()).isEqualTo("open"));
        assertThat(read("{\"event\":\"conversation_status_changed\",\"id\":141}"))
                .isInstanceOfSatisfying(ConversationStatusChanged.class,
                        event -> assertThat(event.previousStatus()).isNull());
        assertThat(read("{\"event\":\"contact_created\",\"id\":5,\"name\":\"Ana\"}"))
                .isInstanceOfSatisfying(ContactCreated.class, event -> assertThat(event.contact().name())
                        .isEqualTo("Ana"));
        assertThat(read("{\"event\":\"contact_updated\",\"id\":5}")).isInstanceOf(ContactUpdated.class);
        String other = "{\"event\":\"webwidget_triggered\",\"x\":[1]}";
        assertThat(read(other)).isEqualTo(new OtherEvent("webwidget_triggered", other));
    }

    @Test
    void whatIsNotAnEventIsA400WithAShortReason() {
        String[][] bad = { { "", "body is empty" }, { "not json", "not JSON" }, { "{\"event\":\"a\"} {}", "not JSON" },
                { "[]", "not a JSON object" }, { "\"text\"", "not a JSON object" }, { "{}", "no event" },
                { "{\"event\":\" \"}", "no event" }, { "{\"event\":null}", "no event" },
                { "{\"event\":{\"name\":\"x\"}}", "no event" },
                { "{\"event\":\"message_created\",\"id\":\"abc\"}", "message_created" },
                { "{\"event\":\"contact_created\",\"contact_inboxes\":7}", "contact_created" },
                { "{\"event\":\"x\",\"a\":" + "[".repeat(65) + "]".repeat(65) + "}", "nested deeper than 64" } };
        for (String[] input : bad) {
            assertThatThrownBy(() -> read(input[0])).as(input[0])
                    .isInstanceOfSatisfying(RefusedDelivery.class, refused -> {
                        assertThat(refused.status()).isEqualTo(400);
                        assertThat(refused.reason()).contains(input[1]);
                    });
        }
        // 64 levels, Chatwoot's few plus a wide margin, still read
        assertThat(EventReader.MAX_NESTING_DEPTH).isEqualTo(64);
    }
}
