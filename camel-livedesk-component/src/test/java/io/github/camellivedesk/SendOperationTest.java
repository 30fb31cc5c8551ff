package io.github.camellivedesk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.simulator.RecordedRequest;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

class SendOperationTest extends LiveDeskTestSupport {

    @Test
    void stringBodyIsSentAsTextAndEveryResponseFieldIsMapped() throws Exception {
        Exchange exchange = send("livedesk:send?conversationId=141", "Agent sending message, is it normal?");

        assertThat(exchange.getException()).isNull();
        LiveDeskMessage message = exchange.getMessage().getBody(LiveDeskMessage.class);
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("Agent sending message, is it normal?");
        assertThat(stored.privateMessage()).isFalse();
        assertThat(stored.inReplyTo()).isNull();

        assertThat(message.id()).isEqualTo(stored.id());
        assertThat(message.content()).isEqualTo("Agent sending message, is it normal?");
        assertThat(message.conversationId()).isEqualTo(141L);
        assertThat(message.inboxId()).isNotNull();
        assertThat(message.messageType()).isEqualTo(1);
        assertThat(message.contentType()).isEqualTo("text");
        assertThat(message.status()).isEqualTo("sent");
        assertThat(message.createdAt()).isEqualTo(stored.createdAt().getEpochSecond());
        assertThat(message.createdAtInstant()).contains(java.time.Instant.ofEpochSecond(message.createdAt()));
        assertThat(message.privateMessage()).isFalse();
        assertThat(message.sortingId()).isEqualTo(stored.sortingId());
        assertThat(message.sender()).isNotNull();
        assertThat(message.sender().id()).isNotNull();
        assertThat(message.sender().name()).isNotBlank();
        assertThat(message.sender().availableName()).isNotBlank();
        assertThat(message.sender().type()).isEqualTo("user");
        assertThat(message.sender().availabilityStatus()).isNotBlank();
        assertThat(message.attachments()).isEmpty();
        assertThat(message.isFailed()).isFalse();

        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID)).isEqualTo(stored.id());
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS)).isEqualTo("sent");
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.EXTERNAL_ERROR)).isNull();
    }

    @Test
    void requestIsTheDocumentedJsonWithBasicAuth() throws Exception {
        send("livedesk:send?conversationId=141", "hello");

        RecordedRequest request = simulator().requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v2/accounts/conversations/141/messages");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.jsonBody()).isEqualTo("{\"content\":\"hello\",\"private\":false}");
        assertThat(request.responseStatus()).isEqualTo(200);
    }

    @Test
    void privateReplyFromOptions() throws Exception {
        Exchange first = send("livedesk:send?conversationId=141", "customer question");
        long firstId = first.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class);

        Exchange reply = send("livedesk:send?conversationId=141&privateMessage=true&inReplyTo=" + firstId, "note");

        assertThat(reply.getException()).isNull();
        StoredMessage stored = simulator()
                .message(reply.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class))
                .orElseThrow();
        assertThat(stored.privateMessage()).isTrue();
        assertThat(stored.inReplyTo()).isEqualTo(firstId);
        LiveDeskMessage message = reply.getMessage().getBody(LiveDeskMessage.class);
        assertThat(message.privateMessage()).isTrue();
        assertThat(message.contentAttributes().inReplyTo()).isEqualTo(firstId);
    }

    @Test
    void headersOverrideOptions() throws Exception {
        Exchange first = send("livedesk:send?conversationId=142", "first");
        long firstId = first.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class);

        Exchange exchange = send("livedesk:send?conversationId=141&privateMessage=false", "via headers",
                Map.of(LiveDeskConstants.CONVERSATION_ID, 142,
                        LiveDeskConstants.PRIVATE, "true",
                        LiveDeskConstants.IN_REPLY_TO, String.valueOf(firstId)));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().conversation(141L).messages()).isEmpty();
        StoredMessage stored = simulator().conversation(142L).messages().get(1);
        assertThat(stored.content()).isEqualTo("via headers");
        assertThat(stored.privateMessage()).isTrue();
        assertThat(stored.inReplyTo()).isEqualTo(firstId);
    }

    @Test
    void componentOptionsAreDefaultsForEveryEndpoint() throws Exception {
        context.getComponent("livedesk", LiveDeskComponent.class).getConfiguration().setConversationId("142");
        context.getComponent("livedesk", LiveDeskComponent.class).getConfiguration().setPrivateMessage(true);

        send("livedesk:send", "from component defaults");
        send("livedesk:send?conversationId=141&privateMessage=false", "endpoint overrides");

        assertThat(simulator().conversation(142L).messages()).singleElement()
                .satisfies(m -> assertThat(m.privateMessage()).isTrue());
        assertThat(simulator().conversation(141L).messages()).singleElement()
                .satisfies(m -> assertThat(m.privateMessage()).isFalse());
    }

    @Test
    void mapBodyGivesTheJsonFields() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", "from a map");
        body.put("private", true);
        body.put("content_attributes", Map.of("in_reply_to", 29));

        Exchange exchange = send("livedesk:send?conversationId=141", body);

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("from a map");
        assertThat(stored.privateMessage()).isTrue();
        assertThat(stored.inReplyTo()).isEqualTo(29L);
    }

    @Test
    void sendMessageRequestIsSentAsIs() throws Exception {
        SendMessageRequest request = SendMessageRequest.builder().content("built").privateMessage(true).inReplyTo(7L)
                .build();

        Exchange exchange = send("livedesk:send?conversationId=141&privateMessage=false", request,
                Map.of(LiveDeskConstants.IN_REPLY_TO, 99L));

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("built");
        assertThat(stored.privateMessage()).isTrue();
        assertThat(stored.inReplyTo()).isEqualTo(7L);
    }

    @Test
    void sendMessageRequestBodyTakesHeadersOptionsAndAttachmentsForWhatItLeavesOpen() throws Exception {
        // the body has only the text: the flag comes from the option, the reply from the header, files from the header
        java.nio.file.Path file = java.nio.file.Files.createTempFile("invoice", ".pdf");
        java.nio.file.Files.writeString(file, "%PDF-1.4 invoice");
        try {
            Exchange exchange = send("livedesk:send?conversationId=141&privateMessage=true",
                    SendMessageRequest.text("built"),
                    Map.of(LiveDeskConstants.IN_REPLY_TO, 99L, LiveDeskConstants.ATTACHMENTS, file.toFile()));

            assertThat(exchange.getException()).isNull();
            StoredMessage stored = simulator().conversation(141L).messages().get(0);
            assertThat(stored.content()).isEqualTo("built");
            assertThat(stored.privateMessage()).isTrue();
            assertThat(stored.inReplyTo()).isEqualTo(99L);
            assertThat(stored.attachments()).singleElement()
                    .satisfies(a -> assertThat(a.fileName()).isEqualTo(file.getFileName().toString()));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void contentHeaderIsTheTextWhenThereIsNoBody() throws Exception {
        Exchange exchange = send("livedesk:send?conversationId=141", null,
                Map.of(LiveDeskConstants.CONTENT, "from the header"));

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().conversation(141L).messages().get(0).content()).isEqualTo("from the header");
    }

    @Test
    void conversationIdThatCouldChangeThePathIsRefusedBeforeSending() throws Exception {
        Exchange exchange = send("livedesk:send", "sneaky",
                Map.of(LiveDeskConstants.CONVERSATION_ID, "141/../../142"));

        assertThat(exchange.getException())
                .isInstanceOf(io.github.camellivedesk.error.LiveDeskValidationException.class)
                .hasMessageContaining("header CamelLiveDeskConversationId").hasMessageContaining("'/' at position 4");
        assertThat(simulator().requestCount()).isZero();
        assertThat(simulator().messages()).isEmpty();
    }

    @Test
    void conversationIdOfLettersDigitsUnderscoreAndDashGoesAsOnePathSegment() throws Exception {
        Exchange exchange = send("livedesk:send", "to a named conversation",
                Map.of(LiveDeskConstants.CONVERSATION_ID, "ops_Team-7"));

        assertThat(simulator().requests()).singleElement().satisfies(request -> assertThat(request.path())
                .isEqualTo("/api/v2/accounts/conversations/ops_Team-7/messages"));
        assertThat(exchange.getException()).isInstanceOf(io.github.camellivedesk.error.LiveDeskHttpException.class);
    }

    @Test
    void largeIdsBeyondThirtyTwoBitsAreKept() throws Exception {
        long big = 17_629_000_001_207L;
        simulator().createConversation(big);

        Exchange exchange = send("livedesk:send?conversationId=" + big, "big ids");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(LiveDeskMessage.class).conversationId()).isEqualTo(big);
    }
}
