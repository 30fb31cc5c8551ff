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

    // the sources the binding gives the customer's fields: the headers, the inboxId option, the avatar of the body
    private static final String INBOX = "endpoint option inboxId";
    private static final String NAME = "header CamelLiveDeskCustomerName";
    private static final String EMAIL = "header CamelLiveDeskCustomerEmail";
    private static final String PHONE = "header CamelLiveDeskCustomerPhoneNumber";
    private static final String AVATAR = "body";
    private static final String IDENTIFIER = "header CamelLiveDeskCustomerIdentifier";

    /** A contact (livedesk:contact, or the customer of a message) with these fields, each from its usual source. */
    private static LiveDeskRequest.CreateContact contact(Long inboxId, String name, String email, String phone,
            String avatar, String identifier) {
        return new LiveDeskRequest.CreateContact(new Resolved<>(inboxId, INBOX), new Resolved<>(name, NAME),
                new Resolved<>(email, EMAIL), new Resolved<>(phone, PHONE), new Resolved<>(avatar, AVATAR),
                new Resolved<>(identifier, IDENTIFIER));
    }

    /** A contact in inbox 407 known only by this phone number. */
    private static LiveDeskRequest.CreateContact phone(String phone) {
        return contact(407L, null, null, phone, null, null);
    }

    /** A contact in inbox 407 known only by this email. */
    private static LiveDeskRequest.CreateContact email(String email) {
        return contact(407L, null, email, null, null, null);
    }

    /** A text to a customer instead of a conversation, as the binding reads it: no conversation id. */
    private static LiveDeskRequest.Send toCustomer(LiveDeskRequest.CreateContact customer, String content) {
        return new LiveDeskRequest.Send(new Resolved<>(null, "the customer headers"), customer,
                new Resolved<>(content, "body"), new Resolved<>(false, "component option privateMessage"),
                new Resolved<>(null, "header CamelLiveDeskInReplyTo"), new Resolved<>(List.of(), "body"));
    }

    /** A template to a customer instead of a conversation. */
    private static LiveDeskRequest.Template templateToCustomer(LiveDeskRequest.CreateContact customer,
            TemplateMessage.Builder message) {
        return new LiveDeskRequest.Template(new Resolved<>(null, "the customer headers"), customer, message.build(),
                "header CamelLiveDeskTemplateName", "endpoint option templateLanguage", "body");
    }

    private static LiveDeskRequest.CreateConversation newConversation(Long inboxId, Long contactId,
            String sourceId) {
        return new LiveDeskRequest.CreateConversation(new Resolved<>(inboxId, "header CamelLiveDeskInboxId"),
                new Resolved<>(contactId, "header CamelLiveDeskContactId"),
                new Resolved<>(sourceId, "header CamelLiveDeskSourceId"));
    }

    private static final String UNTIL = "header CamelLiveDeskSnoozedUntil";

    private static LiveDeskRequest.ToggleStatus status(String conversationId, String status, Long snoozedUntil) {
        return new LiveDeskRequest.ToggleStatus(conversation(conversationId),
                new Resolved<>(status, "endpoint option status"), new Resolved<>(snoozedUntil, UNTIL));
    }

    /** Epoch seconds this many seconds from now. */
    private static long inSeconds(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
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
                        new Resolved<>(1L, "x")), List.of("contains whitespace")),
                // contact: the inbox
                Arguments.of("contact without inbox", contact(null, null, null, "+4915112345678", null, null),
                        List.of(INBOX + ": is not set and there is no CamelLiveDeskInboxId header",
                                "Set the inboxId option to the API channel's Channel ID")),
                Arguments.of("contact in inbox 0", contact(0L, null, null, "+4915112345678", null, null),
                        List.of(INBOX + ": '0' is not an inbox id", "positive Channel ID")),
                Arguments.of("contact in a negative inbox", contact(-7L, null, null, "+4915112345678", null, null),
                        List.of(INBOX + ": '-7' is not an inbox id")),
                // contact: how it can be found again
                Arguments.of("contact with a name only", contact(407L, "Ana", null, null, "https://x/a.png", null),
                        List.of("contact: has no identifier, phone number or email",
                                "CamelLiveDeskCustomerIdentifier")),
                // blank is as good as missing, not a value the other rules check
                Arguments.of("contact with blank email, phone and identifier", contact(407L, "Ana", " ", "", null,
                        "\t"), List.of("contact: has no identifier, phone number or email")),
                Arguments.of("phone without +", phone("004915112345678"),
                        List.of(PHONE + ": '004915112345678' is not a phone number in E.164 form", "+4915112345678")),
                Arguments.of("phone with country code 0", phone("+04915112345"), List.of(PHONE + ": '+04915112345'")),
                Arguments.of("phone with spaces", phone("+49 151 12345678"), List.of("is not a phone number")),
                Arguments.of("phone of 16 digits", phone("+1234567890123456"), List.of("is not a phone number")),
                Arguments.of("phone beside a good email", contact(407L, null, "ana@example.com", "12", null, null),
                        List.of(PHONE + ": '12' is not a phone number")),
                Arguments.of("email without a dot in the domain", email("ana@example"),
                        List.of(EMAIL + ": 'ana@example' is not an email address", "ana@example.com")),
                Arguments.of("email without @", email("ana.example.com"), List.of(EMAIL + ": 'ana.example.com'")),
                Arguments.of("email with a space", email("ana maria@example.com"), List.of("is not an email address")),
                Arguments.of("email beside a good phone", contact(407L, null, "ana", "+4915112345678", null, null),
                        List.of(EMAIL + ": 'ana' is not an email address")),
                Arguments.of("avatar not http", contact(407L, null, null, "+4915112345678", "ftp://x/a.png", null),
                        List.of(AVATAR + ": 'ftp://x/a.png' is not an http(s) URL", "public https link")),
                Arguments.of("avatar too short for http", contact(407L, null, null, "+4915112345678", "http:/", null),
                        List.of("'http:/' is not an http(s) URL")),
                Arguments.of("name of 256 characters",
                        contact(407L, "n".repeat(256), null, "+4915112345678", null, null),
                        List.of(NAME + ": has 256 characters, more than 255", "Shorten it")),
                Arguments.of("identifier of 256 characters", contact(407L, null, null, null, null, "i".repeat(256)),
                        List.of(IDENTIFIER + ": has 256 characters, more than 255")),
                Arguments.of("email of 256 characters",
                        email("a".repeat(244) + "@example.com"), List.of(EMAIL + ": has 256 characters")),
                Arguments.of("avatar of 256 characters",
                        contact(407L, null, null, "+4915112345678", "https://" + "a".repeat(248), null),
                        List.of(AVATAR + ": has 256 characters")),
                Arguments.of("blank identifier beside a phone", contact(407L, null, null, "+4915112345678", null, " "),
                        List.of(IDENTIFIER + ": is blank", "Leave the identifier out")),
                Arguments.of("empty identifier beside an email", contact(407L, null, "ana@example.com", null, null,
                        ""), List.of(IDENTIFIER + ": is blank")),
                // a message to a customer: the customer's rules instead of the conversation id's, then the message's
                Arguments.of("text to a customer without inbox",
                        toCustomer(contact(null, null, null, "+4915112345678", null, null), "hi"),
                        List.of(INBOX + ": is not set")),
                Arguments.of("text to a customer with a bad phone", toCustomer(phone("0151"), "hi"),
                        List.of(PHONE + ": '0151' is not a phone number")),
                Arguments.of("empty text to a customer", toCustomer(phone("+4915112345678"), " "),
                        List.of("body: content is blank")),
                Arguments.of("template to a customer with a bad email",
                        templateToCustomer(email("ana@"), named()), List.of(EMAIL + ": 'ana@'")),
                Arguments.of("template to a customer without a name",
                        templateToCustomer(phone("+4915112345678"), named().name(null)),
                        List.of("template_params.name: is missing")),
                // conversation
                Arguments.of("conversation without inbox", newConversation(null, 12L, null),
                        List.of("header CamelLiveDeskInboxId: is not set and there is no CamelLiveDeskInboxId header")),
                Arguments.of("conversation in inbox 0", newConversation(0L, 12L, null),
                        List.of("header CamelLiveDeskInboxId: '0' is not an inbox id")),
                Arguments.of("conversation with no one", newConversation(407L, null, null),
                        List.of("conversation: names no contact: neither a contact id nor a source id is set",
                                "CamelLiveDeskContactId header")),
                Arguments.of("conversation with a blank source id", newConversation(407L, null, " "),
                        List.of("conversation: names no contact")),
                Arguments.of("conversation with contact 0", newConversation(407L, 0L, null),
                        List.of("header CamelLiveDeskContactId: '0' is not a contact id", "positive id")),
                Arguments.of("conversation with a negative contact beside a source id",
                        newConversation(407L, -1L, "src"), List.of("'-1' is not a contact id")),
                // status
                Arguments.of("status not set", status("141", null, null),
                        List.of("endpoint option status: is not set and there is no CamelLiveDeskNewStatus header",
                                "livedesk:status?status=resolved")),
                Arguments.of("status unknown", status("141", "closed", null),
                        List.of("endpoint option status: 'closed' is not a conversation status",
                                "open, resolved, pending or snoozed")),
                Arguments.of("snoozed-until with status resolved", status("141", "resolved", inSeconds(3600)),
                        List.of(UNTIL + ": is set for status 'resolved'", "only with status snoozed")),
                Arguments.of("snoozed-until in the past", status("141", "snoozed", inSeconds(-60)),
                        List.of(UNTIL + ": ", " is not in the future", "next message")),
                // now is no later than the rules' now: not after it
                Arguments.of("snoozed-until now", status("141", "snoozed", inSeconds(0)),
                        List.of(UNTIL + ": ", " is not in the future")),
                Arguments.of("status of conversation 0", status("0", "open", null),
                        List.of(HEADER + ": '0' is not a positive number")));
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
                // a variable with a name, by position or by name, is no blank name
                Arguments.of("template with body variables", "variables",
                        template(named().bodyVariable("1", "Ann").bodyVariable("order", "A-17"))),
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
                Arguments.of("retry of message 1", "retry", retry(1L)),
                // contacts: the least of each rule
                Arguments.of("contact by phone in inbox 1", "phone",
                        contact(1L, null, null, "+4915112345678", null, null)),
                Arguments.of("shortest E.164 phone", "+12", phone("+12")),
                Arguments.of("longest E.164 phone", "15 digits", phone("+123456789012345")),
                Arguments.of("contact by email", "email", email("ana.maria@mail.example.com")),
                Arguments.of("contact by identifier", "identifier", contact(407L, null, null, null, null, "C-17")),
                // a blank field beside the one the contact is known by is left out, not refused
                Arguments.of("email with a blank phone", "blank phone",
                        contact(407L, null, "ana@example.com", " ", null, null)),
                Arguments.of("phone with a blank email", "blank email",
                        contact(407L, null, "", "+4915112345678", null, null)),
                Arguments.of("identifier with blank avatar", "blank avatar",
                        contact(407L, null, null, null, " ", "C-17")),
                Arguments.of("every field at its limit", "255", contact(407L, "n".repeat(255),
                        "a".repeat(243) + "@example.com", "+4915112345678", "https://" + "a".repeat(247),
                        "i".repeat(255))),
                Arguments.of("https avatar", "https", contact(407L, null, null, "+4915112345678",
                        "https://x/a.png", null)),
                Arguments.of("http avatar in capitals", "HTTP", contact(407L, null, null, "+4915112345678",
                        "HTTP://x/a.png", null)),
                Arguments.of("text to a customer", "no conversation id", toCustomer(phone("+4915112345678"), "hi")),
                Arguments.of("template to a customer", "no conversation id",
                        templateToCustomer(email("ana@example.com"), named())),
                // conversations
                Arguments.of("conversation with contact 1", "contact", newConversation(1L, 1L, null)),
                Arguments.of("conversation by source id", "source", newConversation(407L, null, "src-1")),
                // status
                Arguments.of("status resolved", "resolved", status("141", "resolved", null)),
                Arguments.of("status in capitals", "OPEN", status("141", "OPEN", null)),
                Arguments.of("snoozed until the next message", "snoozed", status("141", "snoozed", null)),
                Arguments.of("snoozed for an hour", "an hour", status("141", "snoozed", inSeconds(3600))));
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
