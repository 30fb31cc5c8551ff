package io.github.camellivedesk.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateLocation;
import io.github.camellivedesk.model.TemplateMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule of {@link RequestRules}, one row each: the request it refuses with the message
 * fragments (source, problem, fix), and the edge values it still accepts.
 */
class RequestRulesTest {

    private static final String HEADER = "header CamelLiveDeskConversationId";
    private static Path file;
    private static Path directory;

    @BeforeAll
    static void files() throws IOException {
        directory = Files.createTempDirectory("validator");
        file = Files.write(directory.resolve("report.pdf"), new byte[10]);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }

    // ---- building requests

    private static Resolved<String> conversation(String id) {
        return new Resolved<>(id, HEADER);
    }

    private static LiveDeskRequest.Send text(String content) {
        return send("141", content, null, List.of());
    }

    private static LiveDeskRequest.Send send(String conversationId, String content, Long inReplyTo,
            List<Attachment> files) {
        return new LiveDeskRequest.Send(conversation(conversationId), null, new Resolved<>(content, "body"),
                new Resolved<>(false, "component option privateMessage"),
                new Resolved<>(inReplyTo, "header CamelLiveDeskInReplyTo"),
                new Resolved<>(files, "body"));
    }

    private static LiveDeskRequest.Template template(TemplateMessage.Builder message) {
        return new LiveDeskRequest.Template(conversation("141"), null, message.build(),
                "header CamelLiveDeskTemplateName",
                "endpoint option templateLanguage", "body");
    }

    private static TemplateMessage.Builder named() {
        return TemplateMessage.builder("order_update", "en_US").content("Order update");
    }

    private static LiveDeskRequest.Retry retry(Long messageId) {
        return new LiveDeskRequest.Retry(conversation("141"), new Resolved<>(messageId, "endpoint option messageId"));
    }

    // at most 20 characters, 2 files of 10 bytes each
    private static final RequestRules VALIDATOR = new RequestRules(20, 2, 10);

    // ---- the table

    static Stream<Arguments> refused() {
        return Stream.of(
                // conversation id
                Arguments.of("conversation id not set", send(null, "hi", null, List.of()),
                        List.of(HEADER,
                                "is not set, and neither the CamelLiveDeskConversationId header nor a customer header is",
                                "conversationId=141")),
                Arguments.of("blank conversation id", send(" \t", "hi", null, List.of()),
                        List.of(HEADER, "is blank", "1 to 64 letters")),
                Arguments.of("empty conversation id", send("", "hi", null, List.of()), List.of(HEADER, "is blank")),
                Arguments.of("65 characters", send("1".repeat(65), "hi", null, List.of()),
                        List.of(HEADER, "has 65 characters, more than the 64 a conversation id may have")),
                Arguments.of("200,000 characters", send("9".repeat(200_000), "hi", null, List.of()),
                        List.of(HEADER, "'" + "9".repeat(80) + "...(200000 characters)'", "has 200000 characters")),
                Arguments.of("slash", send("141/../142", "hi", null, List.of()), List.of("contains '/' at position 4")),
                Arguments.of("dot", send("14.1", "hi", null, List.of()), List.of("contains '.' at position 3")),
                Arguments.of("space", send("14 1", "hi", null, List.of()),
                        List.of("contains whitespace at position 3")),
                Arguments.of("line break", send("141\r\nforged", "hi", null, List.of()),
                        List.of("'141\\r\\nforged'", "contains whitespace at position 4")),
                Arguments.of("control character", send("141\u0000", "hi", null, List.of()),
                        List.of("'141\\u0000'", "contains a control character at position 4")),
                Arguments.of("non-ASCII letter", send("caf\u00e9", "hi", null, List.of()),
                        List.of("contains '\u00e9' at position 4")),
                Arguments.of("upper bound letters", send("Z[", "hi", null, List.of()),
                        List.of("contains '[' at position 2")),
                Arguments.of("after z", send("z{", "hi", null, List.of()), List.of("contains '{' at position 2")),
                Arguments.of("before a", send("a`", "hi", null, List.of()), List.of("contains '`' at position 2")),
                Arguments.of("before A", send("A@", "hi", null, List.of()), List.of("contains '@' at position 2")),
                Arguments.of("after 9", send("9:", "hi", null, List.of()), List.of("contains ':' at position 2")),
                Arguments.of("before 0", send("0/", "hi", null, List.of()), List.of("contains '/' at position 2")),
                Arguments.of("negative number", send("-5", "hi", null, List.of()),
                        List.of("'-5' is not a positive number and does not start with a letter or digit")),
                Arguments.of("leading underscore", send("_a", "hi", null, List.of()),
                        List.of("'_a' is not a positive number")),
                Arguments.of("zero", send("0", "hi", null, List.of()), List.of("'0' is not a positive number")),
                Arguments.of("zeros", send("000", "hi", null, List.of()), List.of("'000' is not a positive number")),
                // content
                Arguments.of("no content, no files", text(null),
                        List.of("body: content is missing", "CamelLiveDeskContent header", "or attach a file")),
                Arguments.of("blank content", text("  "), List.of("body: content is blank")),
                Arguments.of("content over the limit", text("x".repeat(21)),
                        List.of("body: content has 21 characters, more than the 20 LiveDesk accepts",
                                "maxContentLength")),
                Arguments.of("lone high surrogate", text("a\uD800"), List.of("unpaired surrogate")),
                Arguments.of("high surrogate before a letter", text("\uD800a"), List.of("unpaired surrogate")),
                Arguments.of("lone low surrogate", text("a\uDC00b"), List.of("unpaired surrogate")),
                // in_reply_to
                Arguments.of("in_reply_to zero", send("141", "hi", 0L, List.of()),
                        List.of("header CamelLiveDeskInReplyTo: '0' is not a message id", "positive id")),
                // attachments
                Arguments.of("too many files", send("141", null, null, List.of(bytes("a"), bytes("b"), bytes("c"))),
                        List.of("body: 3 files, more than the 2 allowed per message", "maxAttachments")),
                Arguments.of("no file name", send("141", null, null, List.of(Attachment.of(null, new byte[1]))),
                        List.of("attachment file name (body): is missing", "CamelFileName")),
                Arguments.of("blank file name", send("141", null, null, List.of(Attachment.of(" ", new byte[1]))),
                        List.of("attachment file name (body): is missing")),
                Arguments.of("file name too long",
                        send("141", null, null, List.of(Attachment.of("n".repeat(1001), new byte[1]))),
                        List.of("is 1001 characters long", "at most 1000")),
                Arguments.of("content type with a line break",
                        send("141", null, null, List.of(bytes("a").withContentType("text/plain\r\nX-Evil: 1"))),
                        List.of("attachment a: content type 'text/plain\\r\\nX-Evil: 1' contains control or non-ASCII")),
                Arguments.of("content type not ASCII",
                        send("141", null, null, List.of(bytes("a").withContentType("t\u00e9xt/plain"))),
                        List.of("contains control or non-ASCII")),
                Arguments.of("content type with DEL",
                        send("141", null, null, List.of(bytes("a").withContentType("text/\u007f"))),
                        List.of("contains control or non-ASCII")),
                Arguments.of("missing file",
                        send("141", null, null, List.of(Attachment.of(Path.of("/no/such/file.pdf")))),
                        List.of("attachment file.pdf: file /no/such/file.pdf does not exist")),
                Arguments.of("directory", send("141", null, null, List.of(Attachment.of(directory))),
                        List.of("is a directory")),
                Arguments.of("file over the size limit", send("141", null, null,
                        List.of(Attachment.of(file), Attachment.of("big", new byte[11]))),
                        List.of("attachment big: 11 bytes, more than the 10 allowed per file", "maxAttachmentSize")),
                Arguments.of("stream over the size limit", send("141", null, null,
                        List.of(Attachment.of("s", new ByteArrayInputStream(new byte[11]), 11))),
                        List.of("attachment s: 11 bytes")),
                // template
                Arguments.of("template without params", new LiveDeskRequest.Template(conversation("141"), null,
                        new TemplateMessage("x", null), "a", "b", "body"), List.of("template_params: is missing")),
                Arguments.of("template name missing", template(named().name(null)),
                        List.of("template_params.name: is missing", "templateName option")),
                Arguments.of("template name blank", template(named().name(" ")),
                        List.of("template_params.name (header CamelLiveDeskTemplateName): is blank")),
                Arguments.of("template language missing", template(named().language(null)),
                        List.of("template_params.language: is missing", "templateLanguage option")),
                Arguments.of("template language blank", template(named().language("")),
                        List.of("template_params.language (endpoint option templateLanguage): is blank")),
                Arguments.of("template variable name blank", template(named().bodyVariable(" ", "x")),
                        List.of("template_params.processed_params: has a blank variable name", "by position")),
                Arguments.of("template variable name empty", template(named().bodyVariable("", "x")),
                        List.of("template_params.processed_params: has a blank variable name")),
                Arguments.of("template content too long", template(named().content("c".repeat(21))),
                        List.of("body: content has 21 characters")),
                Arguments.of("header type unknown",
                        template(named().header(new TemplateHeader("audio", null, null, null, null))),
                        List.of("template_params.header_params.type: 'audio' is not a header type", "location")),
                Arguments.of("header type missing",
                        template(named().header(new TemplateHeader(null, null, null, null, null))),
                        List.of("template_params.header_params.type: is missing")),
                Arguments.of("image without url", template(named().header(TemplateHeader.image(null))),
                        List.of("media_url: is missing", "TemplateHeader.image(url)")),
                Arguments.of("document without url", template(named().header(TemplateHeader.document(null, "x"))),
                        List.of("media_url: is missing", "TemplateHeader.document(url, filename)")),
                Arguments.of("video with a blank url", template(named().header(TemplateHeader.video(" "))),
                        List.of("media_url (body): is blank")),
                Arguments.of("url not http", template(named().header(TemplateHeader.video("ftp://x/v.mp4"))),
                        List.of("'ftp://x/v.mp4' is not an http(s) URL")),
                Arguments.of("url too short for http", template(named().header(TemplateHeader.video("http:/"))),
                        List.of("'http:/' is not an http(s) URL")),
                Arguments.of("location missing",
                        template(named().header(new TemplateHeader("location", null, null, null, null))),
                        List.of("header_params.location: is missing")),
                Arguments.of("latitude missing",
                        template(named().header(new TemplateHeader("location", null, null, null,
                                new TemplateLocation(null, 1.0, null, null)))),
                        List.of("location.latitude: is missing")),
                Arguments.of("longitude missing",
                        template(named().header(new TemplateHeader("location", null, null, null,
                                new TemplateLocation(1.0, null, null, null)))),
                        List.of("location.longitude: is missing")),
                Arguments.of("latitude above 90",
                        template(named().header(TemplateHeader.location(90.001, 0, null, null))),
                        List.of("location.latitude: '90.001' is outside -90 to 90", "between -90 and 90")),
                Arguments.of("latitude below -90",
                        template(named().header(TemplateHeader.location(-90.001, 0, null, null))),
                        List.of("location.latitude: '-90.001' is outside")),
                Arguments.of("latitude NaN",
                        template(named().header(TemplateHeader.location(Double.NaN, 0, null, null))),
                        List.of("location.latitude: 'NaN' is outside")),
                Arguments.of("longitude above 180",
                        template(named().header(TemplateHeader.location(0, 180.001, null, null))),
                        List.of("location.longitude: '180.001' is outside -180 to 180")),
                Arguments.of("longitude below -180",
                        template(named().header(TemplateHeader.location(0, -180.001, null, null))),
                        List.of("location.longitude: '-180.001'")),
                Arguments.of("null button", template(named().button(null)), List.of("button_params[0]: is null")),
                Arguments.of("button without index",
                        template(named().button(new TemplateButton(null, "url", "x", null))),
                        List.of("button_params[0].index: is missing")),
                Arguments.of("negative button index", template(named().urlButton(-1, "x")),
                        List.of("button_params[0].index: '-1' is negative")),
                Arguments.of("repeated button index", template(named().urlButton(1, "x").quickReplyButton(1, "y")),
                        List.of("button_params[1].index: '1' is used twice")),
                Arguments.of("url button without text", template(named().urlButton(0, null)),
                        List.of("button_params[0].text: is missing", "URL suffix")),
                Arguments.of("quick reply without payload", template(named().quickReplyButton(0, "")),
                        List.of("button_params[0].payload (body): is blank")),
                Arguments.of("button sub type unknown",
                        template(named().button(new TemplateButton(0, "call", "x", null))),
                        List.of("button_params[0].sub_type: 'call' is not a button type", "url or quick_reply")),
                Arguments.of("button sub type missing",
                        template(named().button(new TemplateButton(0, null, "x", null))),
                        List.of("button_params[0].sub_type: is missing")),
                // retry
                Arguments.of("message id not set", retry(null),
                        List.of("endpoint option messageId: is not set and there is no CamelLiveDeskMessageId header",
                                "getMessageId()")),
                Arguments.of("message id zero", retry(0L),
                        List.of("endpoint option messageId: '0' is not a positive message id")),
                Arguments.of("message id negative", retry(-3L), List.of("'-3' is not a positive message id")),
                Arguments.of("retry checks the conversation too", new LiveDeskRequest.Retry(conversation("a b"),
                        new Resolved<>(1L, "x")), List.of("contains whitespace")));
    }

    private static Attachment bytes(String name) {
        return Attachment.of(name, new byte[1]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, LiveDeskRequest request, List<String> fragments) {
        assertThatThrownBy(() -> VALIDATOR.validate(request))
                .isInstanceOfSatisfying(LiveDeskValidationException.class, e -> {
                    assertThat(e.getMessage()).contains(fragments);
                    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    static Stream<Arguments> accepted() {
        List<Attachment> fifteenBytes = new ArrayList<>(
                List.of(Attachment.of(file), Attachment.of("ten", new byte[10])));
        return Stream.of(
                Arguments.of("a number", text("hi").conversationId().value(), text("hi")),
                Arguments.of("one letter", "a", send("a", "hi", null, List.of())),
                Arguments.of("letters digits _ -", "ops_Team-7", send("ops_Team-7", "hi", null, List.of())),
                Arguments.of("every letter and digit", "az", send("azAZ09_-z", "hi", null, List.of())),
                Arguments.of("64 characters", "64", send("1".repeat(64), "hi", null, List.of())),
                Arguments.of("a number with a zero", "10", send("10", "hi", null, List.of())),
                Arguments.of("zero then a letter", "0a", send("0a", "hi", null, List.of())),
                Arguments.of("content at the limit", "20", text("x".repeat(20))),
                Arguments.of("a surrogate pair", "pair", text("\uD83D\uDE00 ok")),
                Arguments.of("in_reply_to 1", "1", send("141", "hi", 1L, List.of())),
                Arguments.of("files at the count and size limits", "2", send("141", null, null, fifteenBytes)),
                Arguments.of("a stream of unknown size", "-1", send("141", "x", null,
                        List.of(Attachment.of("s", new ByteArrayInputStream(new byte[50]))))),
                Arguments.of("content type of printable ASCII", " ~", send("141", null, null,
                        List.of(Attachment.of("a", new byte[1]).withContentType("text/plain; x=~")))),
                Arguments.of("file name of 1000 characters", "1000", send("141", null, null,
                        List.of(Attachment.of("n".repeat(1000), new byte[1])))),
                Arguments.of("a template", "t", template(named())),
                Arguments.of("location at the bounds", "90",
                        template(named().header(TemplateHeader.location(90, -180, "n", "a")))),
                Arguments.of("location at the other bounds", "-90",
                        template(named().header(TemplateHeader.location(-90, 180, null, null)))),
                Arguments.of("media url in capitals", "HTTP",
                        template(named().header(TemplateHeader.image("HTTP://x/y.png")))),
                Arguments.of("https media url", "https",
                        template(named().header(TemplateHeader.document("https://x/y.pdf", "y.pdf")))),
                Arguments.of("text header", "text", template(named().header(TemplateHeader.text("Ann")))),
                Arguments.of("buttons 0 and 1", "buttons",
                        template(named().urlButton(0, "a").quickReplyButton(1, "p"))),
                Arguments.of("retry of message 1", "retry", retry(1L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String what, LiveDeskRequest request) {
        assertThat(VALIDATOR.validate(request)).as(what).isSameAs(request);
    }

    @Test
    void wholeMessageOfARuleNamesSourceProblemAndFix() {
        assertThatThrownBy(() -> VALIDATOR.validate(send("14 1", "hi", null, List.of())))
                .hasMessage(
                        HEADER + ": '14 1' contains whitespace at position 3. Use the conversation id LiveDesk shows, "
                                + "e.g. 141: 1 to 64 letters, digits, '_' or '-', starting with a letter or digit");
    }
}
