package io.github.camellivedesk.internal.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.github.camellivedesk.model.event.LiveDeskEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventFilterTest {

    private static LiveDeskEvent message(String event, String type, boolean isPrivate) throws RefusedDelivery {
        return EventReader.read(("{\"event\":\"" + event + "\",\"id\":1,\"message_type\":\"" + type
                + "\",\"private\":" + isPrivate + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyListsAcceptEverything() throws Exception {
        EventFilter all = EventFilter.of(null, " , ");
        assertThat(all.accepts(message("message_created", "incoming", false))).isTrue();
        assertThat(all.accepts(EventReader.read("{\"event\":\"anything\"}".getBytes(StandardCharsets.UTF_8))))
                .isTrue();
    }

    @Test
    void eventsAndMessageKindsAreBothRequiredAndKindsApplyToMessagesOnly() throws Exception {
        EventFilter replies = EventFilter.of(" message_created ,conversation_status_changed", "incoming");
        assertThat(replies.accepts(message("message_created", "incoming", false))).isTrue();
        assertThat(replies.accepts(message("message_created", "outgoing", false))).isFalse();
        assertThat(replies.accepts(message("message_created", "incoming", true))).isFalse();
        assertThat(replies.accepts(message("message_updated", "incoming", false))).isFalse();
        assertThat(replies.accepts(EventReader.read(
                "{\"event\":\"conversation_status_changed\",\"id\":1}".getBytes(StandardCharsets.UTF_8)))).isTrue();

        EventFilter notes = EventFilter.of(null, "private,activity");
        assertThat(notes.accepts(message("message_created", "outgoing", true))).isTrue();
        assertThat(notes.accepts(message("message_created", "activity", false))).isTrue();
        assertThat(notes.accepts(message("message_created", "outgoing", false))).isFalse();
        assertThat(EventFilter.list("a, b,,c")).containsExactlyInAnyOrder("a", "b", "c");
    }
}
