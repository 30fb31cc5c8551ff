package io.github.camellivedesk;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateLocation;
import io.github.camellivedesk.model.TemplateMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule rejects its input with a message naming the source, the value and the fix, and sends nothing. */
class ValidationTest extends LiveDeskTestSupport {

    private static final String SEND = "livedesk:send?conversationId=141";
    private static final String TEMPLATE = "livedesk:template?conversationId=141&templateName=t&templateLanguage=en_US";

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                // conversation and message ids
                Arguments.of("missing conversation id", "livedesk:send", "hi", Map.of(),
                        List.of("option conversationId", "CamelLiveDeskConversationId", "conversationId=141")),
                Arguments.of("blank conversation id header", SEND, "hi",
                        Map.of(LiveDeskConstants.CONVERSATION_ID, "  "),
                        List.of("header CamelLiveDeskConversationId", "is blank")),
                Arguments.of("negative conversation id", "livedesk:send?conversationId=-5", "hi", Map.of(),
                        List.of("option conversationId", "'-5'", "positive")),
                Arguments.of("conversation id with whitespace", SEND, "hi",
                        Map.of(LiveDeskConstants.CONVERSATION_ID, "14 1"),
                        List.of("conversation id", "whitespace")),
                Arguments.of("dot-dot conversation id", SEND, "hi", Map.of(LiveDeskConstants.CONVERSATION_ID, ".."),
                        List.of("header CamelLiveDeskConversationId", "contains '.'", "letters, digits, '_' or '-'")),
                Arguments.of("zero conversation id", "livedesk:send?conversationId=000", "hi", Map.of(),
                        List.of("option conversationId", "'000' is not a positive number")),
                Arguments.of("conversation id of 200,000 characters", SEND, "hi",
                        Map.of(LiveDeskConstants.CONVERSATION_ID, "1".repeat(200_000)),
                        List.of("header CamelLiveDeskConversationId", "has 200000 characters, more than the 64",
                                "...(200000 characters)")),
                Arguments.of("conversation id with a line break", SEND, "hi",
                        Map.of(LiveDeskConstants.CONVERSATION_ID, "141\r\nINFO forged log line"),
                        List.of("header CamelLiveDeskConversationId", "'141\\r\\nINFO forged log line'",
                                "whitespace at position 4")),
                Arguments.of("missing message id", "livedesk:retry?conversationId=141", null, Map.of(),
                        List.of("option messageId", "CamelLiveDeskMessageId")),
                Arguments.of("blank message id", "livedesk:retry?conversationId=141", null,
                        Map.of(LiveDeskConstants.MESSAGE_ID, " "),
                        List.of("header CamelLiveDeskMessageId", "not a message id")),
                Arguments.of("negative message id", "livedesk:retry?conversationId=141", null,
                        Map.of(LiveDeskConstants.MESSAGE_ID, -3L),
                        List.of("header CamelLiveDeskMessageId", "'-3'")),
                // content
                Arguments.of("empty content", SEND, "", Map.of(), List.of("content", "is blank")),
                Arguments.of("blank content", SEND, "   ", Map.of(), List.of("content", "is blank")),
                Arguments.of("no body and no content header", SEND, null, Map.of(), List.of("content", "is missing")),
                Arguments.of("content too long", SEND, "x".repeat(150_001), Map.of(),
                        List.of("content", "150001 characters", "150000")),
                Arguments.of("content over a lowered limit", SEND + "&maxContentLength=10", "12345678901", Map.of(),
                        List.of("content", "11 characters")),
                Arguments.of("lone surrogate", SEND, "bad \uD800 text", Map.of(),
                        List.of("content", "unpaired surrogate")),
                Arguments.of("map with unknown key", SEND, Map.of("contnet", "typo"), Map.of(),
                        List.of("body Map", "'contnet'", "content")),
                Arguments.of("map with wrong type", SEND, Map.of("content", "x", "private", "maybe"), Map.of(),
                        List.of("body Map")),
                Arguments.of("private header not boolean", SEND, "x", Map.of(LiveDeskConstants.PRIVATE, new Object()),
                        List.of("header CamelLiveDeskPrivate", "Boolean")),
                Arguments.of("in-reply-to header not a number", SEND, "x", Map.of(LiveDeskConstants.IN_REPLY_TO, "abc"),
                        List.of("header CamelLiveDeskInReplyTo", "'abc'", "Long")),
                Arguments.of("negative in-reply-to", SEND, "x", Map.of(LiveDeskConstants.IN_REPLY_TO, -1L),
                        List.of("header CamelLiveDeskInReplyTo", "'-1'")),
                Arguments.of("unsupported body type", SEND, new java.util.concurrent.atomic.AtomicLong(3), Map.of(),
                        List.of("body", "java.util.concurrent.atomic.AtomicLong", "convertBodyTo")),
                // attachments
                Arguments.of("missing file", SEND, new File("/no/such/file.pdf"), Map.of(),
                        List.of("attachment file.pdf", "does not exist")),
                Arguments.of("directory", SEND, new File(System.getProperty("java.io.tmpdir")), Map.of(),
                        List.of("is a directory")),
                Arguments.of("empty collection in header", SEND, "x", Map.of(LiveDeskConstants.ATTACHMENTS, List.of()),
                        List.of("header CamelLiveDeskAttachments", "empty collection")),
                Arguments.of("bytes without a file name", SEND, new byte[]{ 1, 2 }, Map.of(),
                        List.of("body", "without a file name", "CamelFileName")),
                // templates
                Arguments.of("template without name", "livedesk:template?conversationId=141&templateLanguage=en_US",
                        null, Map.of(),
                        List.of("template_params.name", "is missing", "templateName")),
                Arguments.of("template without language", "livedesk:template?conversationId=141&templateName=t", null,
                        Map.of(),
                        List.of("template_params.language", "templateLanguage")),
                Arguments.of("unknown header type", TEMPLATE,
                        TemplateMessage.builder().header(new TemplateHeader("audio", null, null, null, null)).build(),
                        Map.of(),
                        List.of("header_params.type", "'audio'", "text, image, video, document, location")),
                Arguments.of("image header without url", TEMPLATE,
                        TemplateMessage.builder().header(TemplateHeader.image(null)).build(), Map.of(),
                        List.of("header_params.media_url", "is missing", "TemplateHeader.image")),
                Arguments.of("document header with a non-http url", TEMPLATE,
                        TemplateMessage.builder().header(TemplateHeader.document("file:///etc/passwd", "x")).build(),
                        Map.of(),
                        List.of("header_params.media_url", "not an http(s) URL")),
                Arguments.of("location header without location", TEMPLATE,
                        TemplateMessage.builder().header(new TemplateHeader("location", null, null, null, null))
                                .build(),
                        Map.of(),
                        List.of("header_params.location", "is missing")),
                Arguments.of("latitude out of range", TEMPLATE,
                        TemplateMessage.builder().header(TemplateHeader.location(91, 0, null, null)).build(), Map.of(),
                        List.of("location.latitude", "'91.0'", "-90 and 90")),
                Arguments.of("longitude out of range", TEMPLATE,
                        TemplateMessage.builder().header(TemplateHeader.location(0, -180.5, null, null)).build(),
                        Map.of(),
                        List.of("location.longitude", "'-180.5'")),
                Arguments.of("latitude missing", TEMPLATE,
                        TemplateMessage.builder().header(new TemplateHeader("location", null, null, null,
                                new TemplateLocation(null, 1.0, null, null))).build(),
                        Map.of(),
                        List.of("location.latitude", "is missing")),
                Arguments.of("negative button index", TEMPLATE,
                        TemplateMessage.builder().urlButton(-1, "x").build(), Map.of(),
                        List.of("button_params[0].index", "'-1' is negative")),
                Arguments.of("repeated button index", TEMPLATE,
                        TemplateMessage.builder().urlButton(0, "x").quickReplyButton(0, "y").build(), Map.of(),
                        List.of("button_params[1].index", "used twice")),
                Arguments.of("url button without text", TEMPLATE,
                        TemplateMessage.builder().button(TemplateButton.url(0, " ")).build(), Map.of(),
                        List.of("button_params[0].text", "is blank", "URL suffix")),
                Arguments.of("quick reply without payload", TEMPLATE,
                        TemplateMessage.builder().button(TemplateButton.quickReply(0, null)).build(), Map.of(),
                        List.of("button_params[0].payload", "is missing")),
                Arguments.of("unknown button sub type", TEMPLATE,
                        TemplateMessage.builder().button(new TemplateButton(0, "call", "x", null)).build(), Map.of(),
                        List.of("button_params[0].sub_type", "'call'", "url or quick_reply")),
                Arguments.of("malformed template JSON", TEMPLATE, "{\"name\": ", Map.of(),
                        List.of("body JSON", "cannot be read")),
                Arguments.of("template JSON that is an array", TEMPLATE, "[1,2]", Map.of(),
                        List.of("body JSON", "not a JSON object")),
                Arguments.of("template JSON with wrong message_type", TEMPLATE,
                        "{\"message_type\":\"incoming\",\"template_params\":{\"name\":\"t\",\"language\":\"en\"}}",
                        Map.of(),
                        List.of("message_type", "'incoming'", "outgoing")),
                Arguments.of("template map with nested value", TEMPLATE, Map.of("1", Map.of("a", "b")), Map.of(),
                        List.of("body Map", "variable '1'", "not a single value")),
                Arguments.of("template unsupported body", TEMPLATE, new java.util.concurrent.atomic.AtomicLong(1),
                        Map.of(),
                        List.of("body", "cannot be a template message")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void rejectedBeforeSending(String name, String uri, Object body, Map<String, Object> headers,
            List<String> fragments)
            throws Exception {
        Exchange exchange = send(uri, body, new HashMap<>(headers));

        assertThat(exchange.getException()).isInstanceOf(LiveDeskValidationException.class);
        assertThat(exchange.getException().getMessage()).contains(fragments);
        assertThat(simulator().requestCount()).as("requests that reached the simulator").isZero();
    }

    @Test
    void missingCredentialsFailTheRouteAtStart() {
        context.getComponent("livedesk", LiveDeskComponent.class).getConfiguration().setApiSecret(null);

        assertThatThrownBy(() -> route("livedesk:send?conversationId=141"))
                .rootCause().isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("option apiSecret").hasMessageContaining("API Key page");
        assertThat(simulator().requestCount()).isZero();
    }

    @Test
    void nonNumericMessageIdOptionFailsTheRouteAtStart() {
        // the option is a Long, as its header is
        assertThatThrownBy(() -> route("livedesk:retry?conversationId=141&messageId=abc"))
                .rootCause().isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("endpoint option messageId").hasMessageContaining("'abc' is not a number");
        assertThat(simulator().requestCount()).isZero();
    }

    @Test
    void unknownOperationNamesTheValidOnes() {
        assertThatThrownBy(() -> route("livedesk:sned?conversationId=141"))
                .rootCause().hasMessageContaining("Unknown LiveDesk operation 'sned'")
                .hasMessageContaining("livedesk:send, livedesk:template, livedesk:retry");
    }

    @Test
    void invalidBaseUrlFailsTheRouteAtStart() {
        assertThatThrownBy(() -> route("livedesk:send?conversationId=141&baseUrl=ftp://example.com"))
                .rootCause().isInstanceOf(LiveDeskValidationException.class).hasMessageContaining("option baseUrl");
    }
}
