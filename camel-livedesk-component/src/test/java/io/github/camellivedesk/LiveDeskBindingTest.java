package io.github.camellivedesk;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConverter;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.TypeConverterSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.internal.LiveDeskBinding;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.internal.TemplateJson;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.ConversationStatus;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.NewContact;
import io.github.camellivedesk.model.NewConversation;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link LiveDeskBinding} reads each value, one row per rule: body before header before endpoint option before
 * component option, the source it records, and the same completion for every body type.
 */
class LiveDeskBindingTest {

    private static CamelContext context;
    private static Path file;

    @BeforeAll
    static void startCamel() throws IOException {
        context = new DefaultCamelContext();
        // a body type only a converter of the user's turns into a request
        context.getTypeConverterRegistry().addTypeConverter(SendMessageRequest.class, StringBuilder.class,
                converter(value -> SendMessageRequest.text(value.toString())));
        context.getTypeConverterRegistry().addTypeConverter(TemplateMessage.class, StringBuilder.class,
                converter(value -> TemplateMessage.builder().content(value.toString()).build()));
        context.start();
        file = Files.createTempFile("binding", ".pdf");
    }

    private static TypeConverter converter(Function<Object, Object> conversion) {
        return new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                return type.cast(conversion.apply(value));
            }
        };
    }

    @AfterAll
    static void stopCamel() throws IOException {
        context.stop();
        Files.deleteIfExists(file);
    }

    /** One exchange's input: the options of component and endpoint, the body and the headers. */
    private record Input(Consumer<LiveDeskConfiguration> component, Consumer<LiveDeskConfiguration> endpoint,
            Object body,
            Map<String, Object> headers) {

        LiveDeskRequest bind(LiveDeskOperation operation) {
            LiveDeskConfiguration componentOptions = new LiveDeskConfiguration();
            component.accept(componentOptions);
            LiveDeskConfiguration endpointOptions = componentOptions.copy();
            endpoint.accept(endpointOptions);
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
            return LiveDeskEndpoint.binding(operation, endpointOptions, componentOptions).apply(exchange);
        }
    }

    private static final Consumer<LiveDeskConfiguration> NONE = o -> {
    };

    private static Input body(Object body, Object... headers) {
        return new Input(NONE, NONE, body, headers(headers));
    }

    private static Input options(Consumer<LiveDeskConfiguration> component, Consumer<LiveDeskConfiguration> endpoint,
            Object body, Object... headers) {
        return new Input(component, endpoint, body, headers(headers));
    }

    private static Map<String, Object> headers(Object... pairs) {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put((String) pairs[i], pairs[i + 1]);
        }
        return headers;
    }

    private static Function<LiveDeskRequest, Resolved<?>> sendField(Function<LiveDeskRequest.Send, Resolved<?>> field) {
        return request -> field.apply((LiveDeskRequest.Send) request);
    }

    private static final Function<LiveDeskRequest, Resolved<?>> CONVERSATION = request -> {
        if (request instanceof LiveDeskRequest.Send send) {
            return send.conversationId();
        }
        if (request instanceof LiveDeskRequest.Template template) {
            return template.conversationId();
        }
        if (request instanceof LiveDeskRequest.ToggleStatus toggle) {
            return toggle.conversationId();
        }
        return ((LiveDeskRequest.Retry) request).conversationId();
    };
    private static final Function<LiveDeskRequest, Resolved<?>> CONTENT = sendField(LiveDeskRequest.Send::content);
    private static final Function<LiveDeskRequest, Resolved<?>> PRIVATE = sendField(
            LiveDeskRequest.Send::privateMessage);
    private static final Function<LiveDeskRequest, Resolved<?>> REPLY_TO = sendField(LiveDeskRequest.Send::inReplyTo);
    private static final Function<LiveDeskRequest, Resolved<?>> FILE_COUNT = request -> {
        Resolved<List<Attachment>> files = ((LiveDeskRequest.Send) request).attachments();
        return new Resolved<>(files.value().size(), files.source());
    };
    private static final Function<LiveDeskRequest, Resolved<?>> MESSAGE_ID = request -> ((LiveDeskRequest.Retry) request)
            .messageId();
    private static final Function<LiveDeskRequest, Resolved<?>> TEMPLATE_NAME = request -> {
        LiveDeskRequest.Template template = (LiveDeskRequest.Template) request;
        return new Resolved<>(template.message().templateParams().name(), template.nameSource());
    };
    private static final Function<LiveDeskRequest, Resolved<?>> TEMPLATE_LANGUAGE = request -> {
        LiveDeskRequest.Template template = (LiveDeskRequest.Template) request;
        return new Resolved<>(template.message().templateParams().language(), template.languageSource());
    };
    private static final Function<LiveDeskRequest, Resolved<?>> TEMPLATE_CONTENT = request -> {
        LiveDeskRequest.Template template = (LiveDeskRequest.Template) request;
        return new Resolved<>(template.message().content(), template.contentSource());
    };

    /** The contact of livedesk:contact, or the customer a message goes to. */
    private static LiveDeskRequest.CreateContact customer(LiveDeskRequest request) {
        return request instanceof LiveDeskRequest.CreateContact contact ? contact
                : ((LiveDeskRequest.ToConversation) request).customer();
    }

    private static Function<LiveDeskRequest, Resolved<?>> customerField(
            Function<LiveDeskRequest.CreateContact, Resolved<?>> field) {
        return request -> field.apply(customer(request));
    }

    /**
     * Where a message goes and why: the conversation id, or the key of the customer it goes to instead, with the
     * source of the conversation id.
     */
    private static final Function<LiveDeskRequest, Resolved<?>> ADDRESS = request -> {
        LiveDeskRequest.ToConversation message = (LiveDeskRequest.ToConversation) request;
        return new Resolved<>(message.customer() == null ? message.conversationId().value()
                : message.customer().customerKey(), message.conversationId().source());
    };
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_INBOX = customerField(
            LiveDeskRequest.CreateContact::inboxId);
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_NAME = customerField(
            LiveDeskRequest.CreateContact::name);
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_EMAIL = customerField(
            LiveDeskRequest.CreateContact::email);
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_PHONE = customerField(
            LiveDeskRequest.CreateContact::phoneNumber);
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_AVATAR = customerField(
            LiveDeskRequest.CreateContact::avatarUrl);
    private static final Function<LiveDeskRequest, Resolved<?>> CUSTOMER_IDENTIFIER = customerField(
            LiveDeskRequest.CreateContact::identifier);
    private static final Function<LiveDeskRequest, Resolved<?>> CONVERSATION_INBOX = request -> ((LiveDeskRequest.CreateConversation) request)
            .inboxId();
    private static final Function<LiveDeskRequest, Resolved<?>> CONTACT = request -> ((LiveDeskRequest.CreateConversation) request)
            .contactId();
    private static final Function<LiveDeskRequest, Resolved<?>> SOURCE = request -> ((LiveDeskRequest.CreateConversation) request)
            .sourceId();
    private static final Function<LiveDeskRequest, Resolved<?>> STATUS = request -> ((LiveDeskRequest.ToggleStatus) request)
            .status();
    private static final Function<LiveDeskRequest, Resolved<?>> UNTIL = request -> ((LiveDeskRequest.ToggleStatus) request)
            .snoozedUntil();

    static Stream<Arguments> rows() {
        String convHeader = LiveDeskConstants.CONVERSATION_ID;
        LiveDeskOperation send = LiveDeskOperation.send;
        LiveDeskOperation template = LiveDeskOperation.template;
        LiveDeskOperation retry = LiveDeskOperation.retry;
        return Stream.of(
                // conversation id: header > endpoint option > component option
                Arguments.of("conversation id from the header", send, options(c -> c.setConversationId("1"),
                        e -> e.setConversationId("2"), "hi", convHeader, "141"), CONVERSATION, "141",
                        "header " + convHeader),
                Arguments.of("numeric conversation header converted", send, body("hi", convHeader, 142), CONVERSATION,
                        "142",
                        "header " + convHeader),
                Arguments.of("conversation id from the endpoint", send, options(c -> c.setConversationId("1"),
                        e -> e.setConversationId("2"), "hi"), CONVERSATION, "2", "endpoint option conversationId"),
                Arguments.of("conversation id from the component", send,
                        options(c -> c.setConversationId("1"), NONE, "hi"),
                        CONVERSATION, "1", "component option conversationId"),
                Arguments.of("no conversation id", send, body("hi"), CONVERSATION, null,
                        "endpoint option conversationId"),
                Arguments.of("template conversation id", template, body(null, convHeader, "7"), CONVERSATION, "7",
                        "header " + convHeader),
                Arguments.of("retry conversation id", retry, options(NONE, e -> e.setConversationId("9"), null),
                        CONVERSATION, "9", "endpoint option conversationId"),
                // send: content
                Arguments.of("String body is the text", send, body("hi", LiveDeskConstants.CONTENT, "ignored"), CONTENT,
                        "hi", "body"),
                Arguments.of("no body: the content header", send, body(null, LiveDeskConstants.CONTENT, "from header"),
                        CONTENT,
                        "from header", "header CamelLiveDeskContent"),
                Arguments.of("no body, no header", send, body(null), CONTENT, null, "body"),
                Arguments.of("SendMessageRequest text", send, body(SendMessageRequest.text("built")), CONTENT, "built",
                        "body SendMessageRequest"),
                Arguments.of("SendMessageRequest without text: the header", send,
                        body(SendMessageRequest.builder().build(),
                                LiveDeskConstants.CONTENT, "caption"),
                        CONTENT, "caption", "header CamelLiveDeskContent"),
                Arguments.of("Map content", send, body(Map.of("content", "from map")), CONTENT, "from map", "body Map"),
                Arguments.of("files: the content header", send, body(new byte[]{ 1 }, Exchange.FILE_NAME, "a.bin",
                        LiveDeskConstants.CONTENT, "see attached"), CONTENT, "see attached",
                        "header CamelLiveDeskContent"),
                Arguments.of("converted body", send, body(new StringBuilder("converted")), CONTENT, "converted",
                        "body (converted to SendMessageRequest)"),
                // send: private
                Arguments.of("private from the Map", send, body(Map.of("content", "x", "private", true),
                        LiveDeskConstants.PRIVATE, false), PRIVATE, true, "body Map"),
                Arguments.of("private from a String header", send, body("x", LiveDeskConstants.PRIVATE, "true"),
                        PRIVATE, true,
                        "header CamelLiveDeskPrivate"),
                Arguments.of("private from the endpoint", send, options(NONE, e -> e.setPrivateMessage(true), "x"),
                        PRIVATE, true,
                        "endpoint option privateMessage"),
                Arguments.of("private from the component", send, options(c -> c.setPrivateMessage(true), NONE, "x"),
                        PRIVATE,
                        true, "component option privateMessage"),
                Arguments.of("private default", send, body("x"), PRIVATE, false, "component option privateMessage"),
                Arguments.of("SendMessageRequest without a flag: the option", send,
                        options(NONE, e -> e.setPrivateMessage(true),
                                SendMessageRequest.text("x")),
                        PRIVATE, true, "endpoint option privateMessage"),
                Arguments.of("converted body: the header", send,
                        body(new StringBuilder("x"), LiveDeskConstants.PRIVATE, true),
                        PRIVATE, true, "header CamelLiveDeskPrivate"),
                // send: in_reply_to
                Arguments.of("in_reply_to from a String header", send, body("x", LiveDeskConstants.IN_REPLY_TO, "7"),
                        REPLY_TO,
                        7L, "header CamelLiveDeskInReplyTo"),
                Arguments.of("in_reply_to from an Integer header", send, body("x", LiveDeskConstants.IN_REPLY_TO, 8),
                        REPLY_TO,
                        8L, "header CamelLiveDeskInReplyTo"),
                Arguments.of("in_reply_to from the endpoint", send, options(NONE, e -> e.setInReplyTo(5L), "x"),
                        REPLY_TO, 5L,
                        "endpoint option inReplyTo"),
                Arguments.of("in_reply_to of the body wins", send,
                        body(SendMessageRequest.builder().content("x").inReplyTo(3L)
                                .build(), LiveDeskConstants.IN_REPLY_TO, 99L),
                        REPLY_TO, 3L, "body SendMessageRequest"),
                Arguments.of("no in_reply_to", send, body("x"), REPLY_TO, null, "endpoint option inReplyTo"),
                // send: attachments from body and header, for every body type
                Arguments.of("no files", send, body("x"), FILE_COUNT, 0, "body"),
                Arguments.of("bytes named by CamelFileName", send,
                        body(new byte[]{ 1 }, Exchange.FILE_NAME, "dir/a.bin"),
                        FILE_COUNT, 1, "body"),
                Arguments.of("a file", send, body(file.toFile()), FILE_COUNT, 1, "body"),
                Arguments.of("a path and a stream", send, body(List.of(file, new ByteArrayInputStream(new byte[1])),
                        Exchange.FILE_NAME_ONLY, "s.bin"), FILE_COUNT, 2, "body"),
                Arguments
                        .of("String body with header files", send, body(
                                "caption", LiveDeskConstants.ATTACHMENTS, file.toFile()),
                                FILE_COUNT, 1, "header CamelLiveDeskAttachments"),
                Arguments.of("SendMessageRequest with header files", send, body(SendMessageRequest.text("caption"),
                        LiveDeskConstants.ATTACHMENTS, List.of(file)), FILE_COUNT, 1,
                        "header CamelLiveDeskAttachments"),
                Arguments.of("Map with header files", send, body(Map.of("content", "c"), LiveDeskConstants.ATTACHMENTS,
                        Attachment.of("a", new byte[1])), FILE_COUNT, 1, "header CamelLiveDeskAttachments"),
                Arguments.of("converted body with header files", send,
                        body(new StringBuilder("c"), LiveDeskConstants.ATTACHMENTS,
                                file.toFile()),
                        FILE_COUNT, 1, "header CamelLiveDeskAttachments"),
                Arguments
                        .of("body and header files", send, body(file.toFile(), LiveDeskConstants.ATTACHMENTS,
                                List.of(file, file)),
                                FILE_COUNT, 3, "body and header CamelLiveDeskAttachments"),
                Arguments.of("SendMessageRequest files and header files", send, body(SendMessageRequest.builder()
                        .attachment(Attachment.of(file)).build(), LiveDeskConstants.ATTACHMENTS, file), FILE_COUNT, 2,
                        "body SendMessageRequest and header CamelLiveDeskAttachments"),
                // retry
                Arguments.of("message id from a String header", retry, options(NONE, e -> e.setMessageId(1L), null,
                        LiveDeskConstants.MESSAGE_ID, "12"), MESSAGE_ID, 12L, "header CamelLiveDeskMessageId"),
                Arguments.of("message id from the endpoint", retry,
                        options(c -> c.setMessageId(1L), e -> e.setMessageId(2L), null),
                        MESSAGE_ID, 2L, "endpoint option messageId"),
                Arguments.of("message id from the component", retry, options(c -> c.setMessageId(1L), NONE, null),
                        MESSAGE_ID, 1L,
                        "component option messageId"),
                Arguments.of("no message id", retry, body(null), MESSAGE_ID, null, "endpoint option messageId"),
                // template
                Arguments.of("name of the body wins", template, options(NONE, e -> e.setTemplateName("option"),
                        TemplateMessage.builder("body_name", "en").build(), LiveDeskConstants.TEMPLATE_NAME, "header"),
                        TEMPLATE_NAME, "body_name", "body TemplateMessage"),
                Arguments.of("name from the header", template, options(NONE, e -> e.setTemplateName("option"), null,
                        LiveDeskConstants.TEMPLATE_NAME, "header_name"), TEMPLATE_NAME, "header_name",
                        "header CamelLiveDeskTemplateName"),
                Arguments.of("name from the component", template,
                        options(c -> c.setTemplateName("shared"), NONE, Map.of("1", "a")),
                        TEMPLATE_NAME, "shared", "component option templateName"),
                Arguments.of("language from the endpoint", template,
                        options(NONE, e -> e.setTemplateLanguage("en_US"), null),
                        TEMPLATE_LANGUAGE, "en_US", "endpoint option templateLanguage"),
                Arguments.of("language from the header", template,
                        body(null, LiveDeskConstants.TEMPLATE_LANGUAGE, "de"),
                        TEMPLATE_LANGUAGE, "de", "header CamelLiveDeskTemplateLanguage"),
                Arguments.of("language of JSON params", template, body("{\"name\":\"n\",\"language\":\"fr\"}"),
                        TEMPLATE_LANGUAGE, "fr", "body JSON"),
                Arguments.of("content defaults to the name", template,
                        options(NONE, e -> e.setTemplateName("order"), null),
                        TEMPLATE_CONTENT, "order", "endpoint option templateName"),
                Arguments.of("content from the header", template, options(NONE, e -> e.setTemplateName("order"), null,
                        LiveDeskConstants.CONTENT, "Your order"), TEMPLATE_CONTENT, "Your order",
                        "header CamelLiveDeskContent"),
                Arguments.of("content of the body", template,
                        body(TemplateMessage.builder("n", "en").content("Hi").build(),
                                LiveDeskConstants.CONTENT, "ignored"),
                        TEMPLATE_CONTENT, "Hi", "body TemplateMessage"),
                Arguments.of("blank content of the body replaced", template,
                        body(TemplateMessage.builder("n", "en").content(" ")
                                .build()),
                        TEMPLATE_CONTENT, "n", "body TemplateMessage"),
                Arguments.of("template without params: the options", template,
                        options(NONE, e -> e.setTemplateName("opt"),
                                new TemplateMessage("Hi", null)),
                        TEMPLATE_NAME, "opt", "endpoint option templateName"),
                Arguments.of("template without params: the language option", template, options(NONE,
                        e -> e.setTemplateLanguage("pt"), new TemplateMessage("Hi", null)), TEMPLATE_LANGUAGE, "pt",
                        "endpoint option templateLanguage"),
                Arguments.of("converted template", template,
                        options(NONE, e -> e.setTemplateName("t"), new StringBuilder("Hello")),
                        TEMPLATE_CONTENT, "Hello", "body (converted to TemplateMessage)"));
    }

    private static final String PHONE = LiveDeskConstants.CUSTOMER_PHONE_NUMBER;
    private static final String EMAIL = LiveDeskConstants.CUSTOMER_EMAIL;
    private static final String IDENTIFIER = LiveDeskConstants.CUSTOMER_IDENTIFIER;
    private static final String NAME = LiveDeskConstants.CUSTOMER_NAME;
    private static final String INBOX = LiveDeskConstants.INBOX_ID;
    private static final Consumer<LiveDeskConfiguration> INBOX_407 = e -> e.setInboxId(407L);
    private static final long SECONDS = 1_900_000_000L; // 2030-03-17T17:46:40Z

    /**
     * A message to a customer (customer headers and an inbox instead of a conversation id), livedesk:contact,
     * livedesk:conversation and livedesk:status: the same order of sources, and per message beats per endpoint.
     */
    static Stream<Arguments> customerRows() {
        LiveDeskOperation send = LiveDeskOperation.send;
        LiveDeskOperation template = LiveDeskOperation.template;
        LiveDeskOperation contact = LiveDeskOperation.contact;
        LiveDeskOperation conversation = LiveDeskOperation.conversation;
        LiveDeskOperation status = LiveDeskOperation.status;
        String convHeader = LiveDeskConstants.CONVERSATION_ID;
        return Stream.of(
                // who a message goes to
                Arguments.of("customer headers win over the conversationId option", send,
                        options(NONE, e -> {
                            e.setConversationId("5");
                            e.setInboxId(407L);
                        }, "hi", PHONE, "+4915112345678"),
                        ADDRESS, "inbox 407 phone_number +4915112345678", "the customer headers"),
                Arguments.of("the conversation header wins over the customer headers", send,
                        options(NONE, INBOX_407, "hi", convHeader, "141", PHONE, "+4915112345678", EMAIL, "a@b.c",
                                IDENTIFIER, "C-1"),
                        ADDRESS, "141", "header " + convHeader),
                Arguments.of("the email alone names a customer", send,
                        options(NONE, INBOX_407, "hi", EMAIL, "Ana@Example.com"),
                        ADDRESS, "inbox 407 email ana@example.com", "the customer headers"),
                Arguments.of("the identifier alone names a customer", template,
                        options(NONE, INBOX_407, null, IDENTIFIER, "C-17"),
                        ADDRESS, "inbox 407 identifier C-17", "the customer headers"),
                Arguments.of("the phone alone names a customer", template,
                        options(NONE, INBOX_407, null, PHONE, "+4915112345678"),
                        ADDRESS, "inbox 407 phone_number +4915112345678", "the customer headers"),
                // a name cannot find the contact again: the message goes to the default conversation
                Arguments.of("a customer name alone names no one", send,
                        options(NONE, e -> e.setConversationId("5"), "hi", NAME, "Ana"),
                        ADDRESS, "5", "endpoint option conversationId"),
                // the customer of a message: the headers, the inbox header before the option
                Arguments.of("customer inbox from the header", send,
                        options(NONE, INBOX_407, "hi", PHONE, "+4915112345678", INBOX, "408"),
                        CUSTOMER_INBOX, 408L, "header " + INBOX),
                Arguments.of("customer inbox from the endpoint", send,
                        options(c -> c.setInboxId(9L), INBOX_407, "hi", PHONE, "+4915112345678"),
                        CUSTOMER_INBOX, 407L, "endpoint option inboxId"),
                Arguments.of("customer inbox from the component", send,
                        options(c -> c.setInboxId(9L), NONE, "hi", PHONE, "+4915112345678"),
                        CUSTOMER_INBOX, 9L, "component option inboxId"),
                Arguments.of("customer name", send, body("hi", PHONE, "+4915112345678", NAME, "Ana"),
                        CUSTOMER_NAME, "Ana", "header " + NAME),
                Arguments.of("customer without a name", send, body("hi", PHONE, "+4915112345678"),
                        CUSTOMER_NAME, null, "header " + NAME),
                Arguments.of("customer phone", template, body(null, PHONE, "+4915112345678", EMAIL, "a@b.c"),
                        CUSTOMER_PHONE, "+4915112345678", "header " + PHONE),
                Arguments.of("customer email", template, body(null, PHONE, "+4915112345678", EMAIL, "a@b.c"),
                        CUSTOMER_EMAIL, "a@b.c", "header " + EMAIL),
                Arguments.of("numeric customer identifier converted", send, body("hi", IDENTIFIER, 17),
                        CUSTOMER_IDENTIFIER, "17", "header " + IDENTIFIER),
                Arguments.of("customer of a message has no avatar", send, body("hi", PHONE, "+4915112345678"),
                        CUSTOMER_AVATAR, null, "body"),
                // livedesk:contact: body > header > endpoint option > component option
                Arguments.of("contact from the headers", contact, body(null, PHONE, "+4915112345678"),
                        CUSTOMER_PHONE, "+4915112345678", "header " + PHONE),
                Arguments.of("contact without an email", contact, body(null, PHONE, "+4915112345678"),
                        CUSTOMER_EMAIL, null, "header " + EMAIL),
                Arguments.of("contact inbox from the endpoint", contact,
                        options(c -> c.setInboxId(9L), INBOX_407, null), CUSTOMER_INBOX, 407L,
                        "endpoint option inboxId"),
                Arguments.of("contact inbox from the header", contact, options(NONE, INBOX_407, null, INBOX, 408),
                        CUSTOMER_INBOX, 408L, "header " + INBOX),
                Arguments.of("contact name of the body wins", contact,
                        body(NewContact.builder().name("Body").build(), NAME, "Header"),
                        CUSTOMER_NAME, "Body", "body NewContact"),
                Arguments.of("contact inbox of the body wins", contact,
                        options(NONE, INBOX_407, NewContact.builder().inboxId(5L).build(), INBOX, 6),
                        CUSTOMER_INBOX, 5L, "body NewContact"),
                Arguments.of("contact email header completes the body", contact,
                        body(NewContact.builder().name("Body").build(), EMAIL, "a@b.c"),
                        CUSTOMER_EMAIL, "a@b.c", "header " + EMAIL),
                Arguments.of("contact phone of the body", contact,
                        body(NewContact.builder().phoneNumber("+4915112345678").build(), PHONE, "+1555"),
                        CUSTOMER_PHONE, "+4915112345678", "body NewContact"),
                Arguments.of("contact email of the body", contact,
                        body(NewContact.builder().email("body@b.c").build(), EMAIL, "header@b.c"),
                        CUSTOMER_EMAIL, "body@b.c", "body NewContact"),
                Arguments.of("contact avatar of the body", contact,
                        body(NewContact.builder().avatarUrl("https://x/a.png").build()),
                        CUSTOMER_AVATAR, "https://x/a.png", "body NewContact"),
                Arguments.of("contact without body has no avatar", contact, body(null, PHONE, "+4915112345678"),
                        CUSTOMER_AVATAR, null, "body"),
                Arguments.of("contact Map", contact, body(Map.of("phone_number", "+4915112345678", "inbox_id", 3)),
                        CUSTOMER_PHONE, "+4915112345678", "body Map"),
                Arguments.of("contact Map inbox", contact, options(NONE, INBOX_407, Map.of("inbox_id", 3)),
                        CUSTOMER_INBOX, 3L, "body Map"),
                Arguments.of("contact JSON", contact, body("{\"identifier\":\"C-1\"}", IDENTIFIER, "C-2"),
                        CUSTOMER_IDENTIFIER, "C-1", "body JSON"),
                Arguments.of("contact JSON completed by the header", contact,
                        body("{\"name\":\"Ana\"}", IDENTIFIER, "C-2"),
                        CUSTOMER_IDENTIFIER, "C-2", "header " + IDENTIFIER),
                // livedesk:conversation
                Arguments.of("conversation contact from the header", conversation,
                        options(NONE, INBOX_407, null, LiveDeskConstants.CONTACT_ID, "12"),
                        CONTACT, 12L, "header " + LiveDeskConstants.CONTACT_ID),
                Arguments.of("conversation without a contact", conversation, body(null),
                        CONTACT, null, "header " + LiveDeskConstants.CONTACT_ID),
                Arguments.of("conversation source from the header", conversation,
                        body(null, LiveDeskConstants.SOURCE_ID, "src"),
                        SOURCE, "src", "header " + LiveDeskConstants.SOURCE_ID),
                Arguments.of("conversation inbox from the endpoint", conversation,
                        options(c -> c.setInboxId(9L), INBOX_407, null), CONVERSATION_INBOX, 407L,
                        "endpoint option inboxId"),
                Arguments.of("conversation inbox from the component", conversation,
                        options(c -> c.setInboxId(9L), NONE, null), CONVERSATION_INBOX, 9L,
                        "component option inboxId"),
                Arguments.of("conversation contact of the body wins", conversation,
                        body(NewConversation.withContact(5, 7), LiveDeskConstants.CONTACT_ID, 99),
                        CONTACT, 7L, "body NewConversation"),
                Arguments.of("conversation inbox of the body wins", conversation,
                        options(NONE, INBOX_407, NewConversation.withContact(5, 7), INBOX, 98),
                        CONVERSATION_INBOX, 5L, "body NewConversation"),
                Arguments.of("conversation source of the body wins", conversation,
                        body(NewConversation.withSource(5, "body-src"), LiveDeskConstants.SOURCE_ID, "h"),
                        SOURCE, "body-src", "body NewConversation"),
                Arguments.of("conversation source header completes the body", conversation,
                        body(NewConversation.withContact(5, 7), LiveDeskConstants.SOURCE_ID, "h"),
                        SOURCE, "h", "header " + LiveDeskConstants.SOURCE_ID),
                // what livedesk:contact answered earlier in the route
                Arguments.of("conversation with the contact of the body", conversation,
                        options(NONE, INBOX_407, answeredContact(33), LiveDeskConstants.CONTACT_ID, 99),
                        CONTACT, 33L, "body LiveDeskContact"),
                Arguments.of("conversation with a contact body: the inbox option", conversation,
                        options(NONE, INBOX_407, answeredContact(33)), CONVERSATION_INBOX, 407L,
                        "endpoint option inboxId"),
                Arguments.of("conversation Map", conversation, body(Map.of("inbox_id", 4, "source_id", "s")),
                        SOURCE, "s", "body Map"),
                Arguments.of("conversation JSON", conversation, body("{\"contact_id\":8}"),
                        CONTACT, 8L, "body JSON"),
                // livedesk:status
                Arguments.of("status of a String body", status,
                        options(NONE, e -> e.setStatus("open"), " resolved ", LiveDeskConstants.NEW_STATUS, "pending"),
                        STATUS, "resolved", "body"),
                Arguments.of("blank String body: the status header", status,
                        body(" ", LiveDeskConstants.NEW_STATUS, "pending"),
                        STATUS, "pending", "header " + LiveDeskConstants.NEW_STATUS),
                Arguments.of("status of an enum body", status,
                        body(ConversationStatus.SNOOZED, LiveDeskConstants.NEW_STATUS, "open"),
                        STATUS, "snoozed", "body"),
                Arguments.of("status from the endpoint", status,
                        options(c -> c.setStatus("open"), e -> e.setStatus("resolved"), null),
                        STATUS, "resolved", "endpoint option status"),
                Arguments.of("status from the component", status, options(c -> c.setStatus("open"), NONE, 42),
                        STATUS, "open", "component option status"),
                Arguments.of("status conversation from the header", status,
                        options(NONE, e -> e.setConversationId("5"), "open", convHeader, "141"),
                        CONVERSATION, "141", "header " + convHeader),
                Arguments.of("status conversation from the endpoint", status,
                        options(NONE, e -> e.setConversationId("5"), "open"),
                        CONVERSATION, "5", "endpoint option conversationId"),
                Arguments.of("not snoozed until a time", status, body("snoozed"),
                        UNTIL, null, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until a Date", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, new Date(SECONDS * 1000 + 999)),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until an Instant", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, Instant.ofEpochSecond(SECONDS, 999)),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until an OffsetDateTime", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL,
                                OffsetDateTime.of(2030, 3, 17, 19, 46, 40, 0, ZoneOffset.ofHours(2))),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until an ISO-8601 String", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, " 2030-03-17T17:46:40Z "),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until epoch seconds as a String", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, String.valueOf(SECONDS)),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL),
                Arguments.of("snoozed until epoch seconds as an Integer", status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, (int) SECONDS),
                        UNTIL, SECONDS, "header " + LiveDeskConstants.SNOOZED_UNTIL));
    }

    private static LiveDeskContact answeredContact(long id) {
        return new LiveDeskContact(id, "Ana", null, "+4915112345678", null, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerRows")
    void resolvesCustomersContactsConversationsAndStatus(String name, LiveDeskOperation operation, Input input,
            Function<LiveDeskRequest, Resolved<?>> field, Object value, String source) {
        Resolved<?> resolved = field.apply(input.bind(operation));

        assertThat(resolved.value()).isEqualTo(value);
        assertThat(resolved.source()).isEqualTo(source);
    }

    @Test
    void aMessageWithAConversationHeaderHasNoCustomerAndOneWithoutHasNoConversationId() {
        LiveDeskRequest.Send named = (LiveDeskRequest.Send) body("hi", LiveDeskConstants.CONVERSATION_ID, "141",
                PHONE, "+4915112345678").bind(LiveDeskOperation.send);
        assertThat(named.customer()).isNull();

        LiveDeskRequest.Template toCustomer = (LiveDeskRequest.Template) options(NONE, e -> {
            e.setConversationId("5");
            e.setTemplateName("order");
        }, null, EMAIL, "a@b.c").bind(LiveDeskOperation.template);
        assertThat(toCustomer.conversationId().value()).isNull();
        // the message itself is read as for a conversation
        assertThat(toCustomer.message().templateParams().name()).isEqualTo("order");
        assertThat(toCustomer.customer().body()).isEqualTo(new NewContact(null, null, "a@b.c", null, null, null));
    }

    /** A header of the wrong type names the option it hides only when there is one: a contact id has none. */
    @Test
    void aBadContactIdHeaderHasNoOptionToFallBackTo() {
        assertThatThrownBy(() -> body(null, LiveDeskConstants.CONTACT_ID, "x").bind(LiveDeskOperation.conversation))
                .isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("header CamelLiveDeskContactId: 'x' (String) is not a contact id (Long)")
                .hasMessageContaining("Set the header to a Long")
                .hasMessageNotContaining("remove it");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resolves(String name, LiveDeskOperation operation, Input input, Function<LiveDeskRequest, Resolved<?>> field,
            Object value, String source) {
        Resolved<?> resolved = field.apply(input.bind(operation));

        assertThat(resolved.value()).isEqualTo(value);
        assertThat(resolved.source()).isEqualTo(source);
    }

    @Test
    void templateBodyKeepsItsParametersAndTakesNamespaceAndCategoryFromOptions() {
        LiveDeskRequest.Template request = (LiveDeskRequest.Template) options(NONE, e -> {
            e.setTemplateNamespace("ns");
            e.setTemplateCategory("UTILITY");
            e.setTemplateName("t");
            e.setTemplateLanguage("en");
        }, Map.of("1", "Ann", "2", 42)).bind(LiveDeskOperation.template);

        TemplateParams params = request.message().templateParams();
        assertThat(params.namespace()).isEqualTo("ns");
        assertThat(params.category()).isEqualTo("UTILITY");
        assertThat(params.processedParams()).containsOnly(Map.entry("1", "Ann"), Map.entry("2", "42"));

        LiveDeskRequest.Template own = (LiveDeskRequest.Template) options(NONE, e -> {
            e.setTemplateNamespace("ns");
            e.setTemplateCategory("UTILITY");
        }, TemplateMessage.builder("n", "en").namespace("mine").category("MARKETING").build())
                .bind(LiveDeskOperation.template);
        assertThat(own.message().templateParams().namespace()).isEqualTo("mine");
        assertThat(own.message().templateParams().category()).isEqualTo("MARKETING");
    }

    @Test
    void templateVariablesKeepTheOrderOfTheMap() {
        LiveDeskRequest.Template ordered = (LiveDeskRequest.Template) options(NONE, e -> e.setTemplateName("t"),
                variables()).bind(LiveDeskOperation.template);

        assertThat(ordered.message().templateParams().processedParams())
                .containsExactly(Map.entry("2", "42"), Map.entry("1", "Ann"));
    }

    @Test
    void streamsAndFileNamesOfInMemoryContent() throws Exception {
        InputStream stream = new ByteArrayInputStream(new byte[]{ 1, 2 });
        LiveDeskRequest.Send request = (LiveDeskRequest.Send) body(stream, Exchange.FILE_NAME, "in\\box\\scan.pdf")
                .bind(LiveDeskOperation.send);

        Attachment attachment = request.attachments().value().get(0);
        assertThat(attachment.fileName()).isEqualTo("scan.pdf");
        assertThat(attachment.content()).isSameAs(stream);
        assertThat(((LiveDeskRequest.Send) body(new byte[1], Exchange.FILE_NAME, "dir/sub/a.bin")
                .bind(LiveDeskOperation.send))
                .attachments().value().get(0).fileName()).isEqualTo("a.bin");
        assertThat(((LiveDeskRequest.Send) body(new byte[1], Exchange.FILE_NAME, "dir/x.bin", Exchange.FILE_NAME_ONLY,
                "only.bin")
                .bind(LiveDeskOperation.send)).attachments().value().get(0).fileName()).isEqualTo("only.bin");
        assertThat(
                ((LiveDeskRequest.Send) body(new byte[1], Exchange.FILE_NAME, "plain.bin").bind(LiveDeskOperation.send))
                        .attachments().value().get(0).fileName())
                .isEqualTo("plain.bin");
        assertThat(((LiveDeskRequest.Send) body(new byte[1], Exchange.FILE_NAME, "ends/").bind(LiveDeskOperation.send))
                .attachments().value().get(0).fileName()).isEqualTo("ends/");
        assertThat(((LiveDeskRequest.Send) body(new File(file.toString())).bind(LiveDeskOperation.send))
                .attachments().value().get(0).content()).isEqualTo(file);
    }

    /** A remote file (ftp, sftp) as Camel's file consumers hand it over: not a local File, the content in the body. */
    private static GenericFile<Object> remote(Object content) {
        GenericFile<Object> remote = new GenericFile<>();
        remote.setFile("remote-entry");
        remote.setBody(content);
        return remote;
    }

    static Stream<Arguments> genericFiles() throws IOException {
        byte[] bytes = { 1, 2, 3 };
        return Stream.of(
                Arguments.of("local file", local(), file.getFileName().toString(), file),
                Arguments.of("remote file downloaded to a local file", remote(file.toFile()), "remote.pdf", file),
                Arguments.of("remote file in memory", remote(bytes), "remote.pdf", bytes),
                Arguments.of("remote file as a stream", remote(new ByteArrayInputStream(bytes)), "remote.pdf", null),
                Arguments.of("remote file as text", remote("text content"), "remote.pdf", null));
    }

    private static GenericFile<File> local() {
        GenericFile<File> local = new GenericFile<>();
        local.setFile(file.toFile());
        return local;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genericFiles")
    void readsCamelFilesLocalAndRemote(String name, GenericFile<?> body, String fileName, Object content) {
        LiveDeskRequest.Send request = (LiveDeskRequest.Send) body(body, Exchange.FILE_NAME, "in/remote.pdf")
                .bind(LiveDeskOperation.send);

        Attachment attachment = request.attachments().value().get(0);
        assertThat(attachment.fileName()).isEqualTo(fileName);
        if (content != null) {
            assertThat(attachment.content()).isEqualTo(content);
        } else {
            assertThat(attachment.content()).isInstanceOf(InputStream.class);
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("private header of no known type", LiveDeskOperation.send,
                        body("x", LiveDeskConstants.PRIVATE,
                                new Object()),
                        List.of("header CamelLiveDeskPrivate: '", "(Object) is not a flag (Boolean)",
                                "remove it to use the privateMessage option")),
                Arguments.of("in_reply_to header not a number", LiveDeskOperation.send,
                        body("x", LiveDeskConstants.IN_REPLY_TO,
                                "abc"),
                        List.of("header CamelLiveDeskInReplyTo: 'abc' (String) is not a message id (Long)",
                                "Set the header to a Long, or remove it to use the inReplyTo option")),
                Arguments.of("message id header with a line break", LiveDeskOperation.retry,
                        body(null, LiveDeskConstants.MESSAGE_ID,
                                "12\r\nforged"),
                        List.of("'12\\r\\nforged' (String) is not a message id (Long)")),
                Arguments.of("Map with an unknown key", LiveDeskOperation.send, body(Map.of("contnet", "x")),
                        List.of("body Map: has the unknown key 'contnet'", "content_attributes")),
                Arguments.of("Map with a wrong type", LiveDeskOperation.send, body(Map.of("private", "maybe")),
                        List.of("body Map: does not match the message fields")),
                Arguments.of("unsupported send body", LiveDeskOperation.send,
                        body(new java.util.concurrent.atomic.AtomicLong(3)),
                        List.of("body: a java.util.concurrent.atomic.AtomicLong cannot be sent", "convertBodyTo")),
                Arguments.of("collection of something else", LiveDeskOperation.send, body(List.of("a", "b")),
                        List.of("body: contains a java.lang.String", "Attachments can be")),
                Arguments.of("collection with null", LiveDeskOperation.send, body(java.util.Arrays.asList(file, null)),
                        List.of("body: contains a null")),
                Arguments.of("nested collection", LiveDeskOperation.send, body(List.of(List.of(file))),
                        List.of("body: contains a nested collection")),
                Arguments.of("empty body collection", LiveDeskOperation.send, body(List.of()),
                        List.of("body: is an empty collection", "send a text message instead")),
                Arguments.of("remote file not downloaded", LiveDeskOperation.send,
                        body(remote(null), Exchange.FILE_NAME, "r.pdf"),
                        List.of("body: is a remote file whose content was not downloaded", "localWorkDirectory")),
                Arguments.of("empty header collection", LiveDeskOperation.send,
                        body("x", LiveDeskConstants.ATTACHMENTS, List.of()),
                        List.of("header CamelLiveDeskAttachments: is an empty collection")),
                Arguments.of("bytes without a name", LiveDeskOperation.send, body(new byte[1]),
                        List.of("body: is content without a file name", "CamelFileName")),
                Arguments.of("bytes with a blank name", LiveDeskOperation.send,
                        body(new byte[1], Exchange.FILE_NAME, " "),
                        List.of("without a file name")),
                Arguments.of("unsupported template body", LiveDeskOperation.template,
                        body(new java.util.concurrent.atomic.AtomicLong()),
                        List.of("body: a java.util.concurrent.atomic.AtomicLong cannot be a template message")),
                Arguments.of("template variable nested", LiveDeskOperation.template, body(Map.of("1", Map.of())),
                        List.of("body Map: variable '1' is not a single value", "TemplateMessage")),
                Arguments.of("template variable list", LiveDeskOperation.template, body(Map.of("1", List.of())),
                        List.of("variable '1' is not a single value")),
                Arguments.of("template variable null", LiveDeskOperation.template, body(nullValue()),
                        List.of("variable '1' is null")),
                Arguments.of("template JSON array", LiveDeskOperation.template, body("[1]"),
                        List.of("body JSON: is not a JSON object")),
                Arguments.of("template JSON empty", LiveDeskOperation.template, body(""),
                        List.of("body JSON: is not a JSON object")),
                Arguments.of("template JSON broken", LiveDeskOperation.template, body("{\"name\":"),
                        List.of("body JSON: cannot be read")),
                Arguments.of("template message_type incoming", LiveDeskOperation.template,
                        body("{\"message_type\":\"incoming\",\"template_params\":{}}"),
                        List.of("body JSON message_type: 'incoming' is not outgoing")),
                // livedesk:contact
                Arguments.of("unsupported contact body", LiveDeskOperation.contact, body(42),
                        List.of("body: a java.lang.Integer cannot be a contact", "CamelLiveDeskCustomer* headers")),
                Arguments.of("contact Map with an unknown key", LiveDeskOperation.contact, body(Map.of("nmae", "Ana")),
                        List.of("body Map: has the unknown key 'nmae'", "Use the keys inbox_id, name, email")),
                Arguments.of("contact Map with a wrong type", LiveDeskOperation.contact,
                        body(Map.of("inbox_id", "abc")),
                        List.of("body Map: cannot be read (", "Use the keys inbox_id")),
                Arguments.of("contact JSON array", LiveDeskOperation.contact, body("[1]"),
                        List.of("body JSON: is not a JSON object", "Send a JSON object with inbox_id, name")),
                Arguments.of("contact JSON broken", LiveDeskOperation.contact, body("{\"name\":"),
                        List.of("body JSON: cannot be read ('", "Send a JSON object")),
                Arguments.of("contact JSON with an unknown key", LiveDeskOperation.contact, body("{\"phone\":\"1\"}"),
                        List.of("body JSON: has the unknown key 'phone'")),
                Arguments.of("inbox header not a number", LiveDeskOperation.contact,
                        options(NONE, INBOX_407, null, INBOX, "abc"),
                        List.of("header CamelLiveDeskInboxId: 'abc' (String) is not a numeric inbox id (Long)",
                                "Set the header to a Long, or remove it to use the inboxId option")),
                // livedesk:conversation
                Arguments.of("unsupported conversation body", LiveDeskOperation.conversation, body(4.2),
                        List.of("body: a java.lang.Double cannot be a conversation",
                                "CamelLiveDeskContactId or CamelLiveDeskSourceId header")),
                Arguments.of("conversation Map with an unknown key", LiveDeskOperation.conversation,
                        body(Map.of("contact", 7)),
                        List.of("body Map: has the unknown key 'contact'",
                                "Use the keys inbox_id, contact_id and source_id")),
                Arguments.of("conversation JSON number", LiveDeskOperation.conversation, body("42"),
                        List.of("body JSON: is not a JSON object", "Send a JSON object with inbox_id and contact_id")),
                // livedesk:status
                Arguments.of("snoozed until no time", LiveDeskOperation.status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, "tomorrow"),
                        List.of("header CamelLiveDeskSnoozedUntil: 'tomorrow' (String) is not a time (an Instant, a "
                                + "Date, an ISO-8601 instant or epoch seconds) (Long)")),
                // a local time is no instant: which one it is depends on a time zone the route did not give
                Arguments.of("snoozed until a local time", LiveDeskOperation.status,
                        body("snoozed", LiveDeskConstants.SNOOZED_UNTIL, LocalDateTime.of(2030, 3, 17, 17, 46)),
                        List.of("header CamelLiveDeskSnoozedUntil: '2030-03-17T17:46' (LocalDateTime) is not a time")));
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("2", 42);
        variables.put("1", "Ann");
        return variables;
    }

    private static Map<String, Object> nullValue() {
        Map<String, Object> map = new HashMap<>();
        map.put("1", null);
        return map;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, LiveDeskOperation operation, Input input, List<String> fragments) {
        assertThatThrownBy(() -> input.bind(operation)).isInstanceOf(LiveDeskValidationException.class)
                .message().contains(fragments).doesNotContain("\n");
    }

    @Test
    void templateJsonWithOutgoingTypeOrNoneIsRead() {
        TemplateMessage whole = TemplateJson.read(
                "{\"content\":\"c\",\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"n\",\"language\":\"en\"}}");
        assertThat(whole.content()).isEqualTo("c");
        assertThat(whole.templateParams().name()).isEqualTo("n");
        TemplateMessage untyped = TemplateJson.read("{\"template_params\":{\"name\":\"m\"}}");
        assertThat(untyped.templateParams().name()).isEqualTo("m");
        TemplateMessage params = TemplateJson.read("{\"name\":\"p\",\"language\":\"de\"}");
        assertThat(params.content()).isNull();
        assertThat(params.templateParams().language()).isEqualTo("de");
    }
}
