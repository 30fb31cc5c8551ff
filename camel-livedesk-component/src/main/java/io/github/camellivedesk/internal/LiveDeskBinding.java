package io.github.camellivedesk.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.ConversationStatus;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.NewContact;
import io.github.camellivedesk.model.NewConversation;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

import static io.github.camellivedesk.internal.LogSafe.quote;

/**
 * Reads an exchange into the {@link LiveDeskRequest} of an endpoint's operation. Every value comes from the body
 * first (where the body type carries it), else the header, else the endpoint option, else the component option, and
 * keeps its source. Every body type is completed the same way. It only converts: only a value that cannot be read as
 * what it stands for fails here (a header that is not a number, a Map with an unknown key, JSON that is not a
 * template); the rules on values are {@link RequestRules}'.
 */
public final class LiveDeskBinding {

    static final String BODY = "body";

    /**
     * An endpoint's option values, each with its source ({@code endpoint option x} or {@code component option x}),
     * resolved once per endpoint rather than once per message.
     *
     * @param templateNamespace the {@code templateNamespace} option, or null
     * @param templateCategory  the {@code templateCategory} option, or null
     * @param inboxId           the {@code inboxId} option
     * @param status            the {@code status} option
     */
    public record Defaults(Resolved<String> conversationId, Resolved<Boolean> privateMessage, Resolved<Long> inReplyTo,
            Resolved<Long> messageId, Resolved<String> templateName, Resolved<String> templateLanguage,
            String templateNamespace, String templateCategory, Resolved<Long> inboxId, Resolved<String> status) {
    }

    private final Defaults defaults;

    public LiveDeskBinding(Defaults defaults) {
        this.defaults = defaults;
    }

    /** The {@code livedesk:retry} request of this exchange: the failed message to resend. */
    public LiveDeskRequest retry(Exchange exchange) {
        return new LiveDeskRequest.Retry(conversationId(exchange),
                header(exchange, HeaderNames.MESSAGE_ID, Long.class, defaults.messageId(), "message id"));
    }

    private Resolved<String> conversationId(Exchange exchange) {
        return header(exchange, HeaderNames.CONVERSATION_ID, String.class, defaults.conversationId(),
                "conversation id");
    }

    /**
     * The customer a message goes to: the contact the customer headers and the inbox describe, or null when no
     * customer header is set or the message names its conversation. Per message beats per endpoint: a
     * CamelLiveDeskConversationId header wins over the customer headers (a route that already knows the conversation,
     * because livedesk:conversation or an earlier message to the customer answered it, sends there), and the customer
     * headers win over a conversationId option (a default conversation is for messages that name no one).
     */
    private LiveDeskRequest.CreateContact customer(Exchange exchange) {
        Message message = exchange.getMessage();
        if (message.getHeader(HeaderNames.CONVERSATION_ID) != null
                || message.getHeader(HeaderNames.CUSTOMER_IDENTIFIER) == null
                        && message.getHeader(HeaderNames.CUSTOMER_PHONE_NUMBER) == null
                        && message.getHeader(HeaderNames.CUSTOMER_EMAIL) == null) {
            return null;
        }
        // the message's body is its text: the customer is the contact the headers and options describe
        return contact(exchange, NewContact.builder().build(), BODY);
    }

    /** The conversation id of a message: none when it goes to a customer, else the header, else the option. */
    private Resolved<String> conversationId(Exchange exchange, LiveDeskRequest.CreateContact customer) {
        return customer != null ? new Resolved<>(null, "the customer headers") : conversationId(exchange);
    }

    // ---- send

    /**
     * The {@code livedesk:send} request of this exchange: a text, a private note, or files.
     *
     * @throws LiveDeskValidationException when a header, option or body cannot be read as the value it stands for
     */
    public LiveDeskRequest send(Exchange exchange) {
        LiveDeskRequest.CreateContact customer = customer(exchange);
        Resolved<String> conversation = conversationId(exchange, customer);
        Object body = exchange.getMessage().getBody();
        SendMessageRequest fromBody;
        String bodySource = BODY;
        if (body == null) {
            fromBody = SendMessageRequest.builder().build();
        } else if (body instanceof String text) {
            fromBody = SendMessageRequest.text(text);
        } else if (body instanceof SendMessageRequest request) {
            fromBody = request;
            bodySource = "body SendMessageRequest";
        } else if (body instanceof Map<?, ?> map) {
            fromBody = fromMap(map);
            bodySource = "body Map";
        } else if (AttachmentBodies.isAttachment(body)) {
            fromBody = SendMessageRequest.builder().attachments(AttachmentBodies.fromBody(exchange, body)).build();
        } else {
            fromBody = exchange.getContext().getTypeConverter().tryConvertTo(SendMessageRequest.class, exchange, body);
            if (fromBody == null) {
                throw new LiveDeskValidationException(BODY, "a " + body.getClass().getName() + " cannot be sent",
                        "livedesk:send takes a String (the text), a Map of the JSON fields, a SendMessageRequest, or "
                                + "files (File, Path, GenericFile, byte[], InputStream, Attachment or a collection of them); "
                                + "convert the body first, e.g. .convertBodyTo(String.class)");
            }
            bodySource = "body (converted to SendMessageRequest)";
        }
        Resolved<String> content = fromBody.content() != null ? new Resolved<>(fromBody.content(), bodySource)
                : header(exchange, HeaderNames.CONTENT, String.class, new Resolved<>(null, bodySource), "text");
        Resolved<Boolean> isPrivate = fromBody.privateMessage() != null
                ? new Resolved<>(fromBody.privateMessage(), bodySource)
                : header(exchange, HeaderNames.PRIVATE, Boolean.class, defaults.privateMessage(), "flag");
        Resolved<Long> replyTo = fromBody.inReplyTo() != null ? new Resolved<>(fromBody.inReplyTo(), bodySource)
                : header(exchange, HeaderNames.IN_REPLY_TO, Long.class, defaults.inReplyTo(), "message id");
        return new LiveDeskRequest.Send(conversation, customer, content, isPrivate, replyTo,
                attachments(exchange, fromBody.attachments(), bodySource));
    }

    private static Resolved<List<Attachment>> attachments(Exchange exchange, List<Attachment> fromBody,
            String bodySource) {
        List<Attachment> fromHeader = AttachmentBodies.fromHeader(exchange);
        if (fromHeader.isEmpty()) {
            return new Resolved<>(fromBody, bodySource);
        }
        if (fromBody.isEmpty()) {
            return new Resolved<>(fromHeader, AttachmentBodies.HEADER);
        }
        List<Attachment> all = new ArrayList<>(fromBody);
        all.addAll(fromHeader);
        return new Resolved<>(all, bodySource + " and " + AttachmentBodies.HEADER);
    }

    private static SendMessageRequest fromMap(Map<?, ?> map) {
        try {
            return LiveDeskJson.strictMapper().convertValue(map, SendMessageRequest.class);
        } catch (IllegalArgumentException e) {
            String problem = e.getCause() instanceof UnrecognizedPropertyException unknown
                    ? "has the unknown key " + quote(unknown.getPropertyName())
                    : "does not match the message fields (" + quote(e.getMessage()) + ")";
            throw new LiveDeskValidationException("body Map", problem,
                    "Use the keys content (String), private (Boolean) and content_attributes ({in_reply_to: Long})", e);
        }
    }

    // ---- template

    /**
     * The {@code livedesk:template} request of this exchange, completed from headers and options.
     *
     * @throws LiveDeskValidationException when a header, option or body cannot be read as the value it stands for
     */
    public LiveDeskRequest template(Exchange exchange) {
        LiveDeskRequest.CreateContact customer = customer(exchange);
        Resolved<String> conversation = conversationId(exchange, customer);
        Object body = exchange.getMessage().getBody();
        TemplateMessage fromBody;
        String bodySource = BODY;
        if (body == null) {
            fromBody = TemplateMessage.builder().build();
        } else if (body instanceof TemplateMessage message) {
            fromBody = message;
            bodySource = "body TemplateMessage";
        } else if (body instanceof String json) {
            fromBody = TemplateJson.read(json);
            bodySource = "body JSON";
        } else if (body instanceof Map<?, ?> variables) {
            fromBody = TemplateMessage.builder().bodyVariables(bodyVariables(variables)).build();
            bodySource = "body Map";
        } else {
            fromBody = exchange.getContext().getTypeConverter().tryConvertTo(TemplateMessage.class, exchange, body);
            if (fromBody == null) {
                throw new LiveDeskValidationException(BODY,
                        "a " + body.getClass().getName() + " cannot be a template message",
                        "livedesk:template takes a TemplateMessage, a Map of body variables, or a JSON String");
            }
            bodySource = "body (converted to TemplateMessage)";
        }
        TemplateParams params = fromBody.templateParams();
        TemplateMessage.Builder builder = fromBody.toBuilder();
        Resolved<String> name = params != null && params.name() != null ? new Resolved<>(params.name(), bodySource)
                : header(exchange, HeaderNames.TEMPLATE_NAME, String.class, defaults.templateName(), "template name");
        Resolved<String> language = params != null && params.language() != null
                ? new Resolved<>(params.language(), bodySource)
                : header(exchange, HeaderNames.TEMPLATE_LANGUAGE, String.class, defaults.templateLanguage(),
                        "language code");
        builder.name(name.value()).language(language.value());
        if (params == null || params.namespace() == null) {
            builder.namespace(defaults.templateNamespace());
        }
        if (params == null || params.category() == null) {
            builder.category(defaults.templateCategory());
        }
        String contentSource = bodySource;
        if (fromBody.content() == null || fromBody.content().isBlank()) {
            // the API requires a content; the template name is what the chat shows when nothing else is given
            Resolved<String> content = header(exchange, HeaderNames.CONTENT, String.class,
                    new Resolved<>(name.value(), name.source()), "text");
            builder.content(content.value());
            contentSource = content.source();
        }
        return new LiveDeskRequest.Template(conversation, customer, builder.build(),
                name.source(), language.source(), contentSource);
    }

    /** The Map's entries as text variables; a blank name is left for {@link RequestRules} to refuse. */
    private static Map<String, String> bodyVariables(Map<?, ?> variables) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : variables.entrySet()) {
            Object value = entry.getValue();
            if (value == null || value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                throw new LiveDeskValidationException("body Map", "variable " + quote(entry.getKey()) + " is "
                        + (value == null ? "null" : "not a single value")
                        + ", which cannot be a text variable",
                        "Give each body variable a text value; for header, footer or buttons use a TemplateMessage");
            }
            result.put(String.valueOf(entry.getKey() == null ? "" : entry.getKey()), value.toString());
        }
        return result;
    }

    // ---- contacts, conversations, status

    /**
     * The {@code livedesk:contact} request: the body's fields ({@link NewContact}, a Map of the JSON fields or a JSON
     * String), completed from the customer headers and the inboxId option.
     */
    public LiveDeskRequest contact(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        NewContact fromBody;
        String bodySource = BODY;
        if (body == null) {
            fromBody = NewContact.builder().build();
        } else if (body instanceof NewContact contact) {
            fromBody = contact;
            bodySource = "body NewContact";
        } else if (body instanceof Map<?, ?> map) {
            fromBody = strict(map, NewContact.class, "body Map",
                    "Use the keys inbox_id, name, email, phone_number, avatar_url and identifier");
            bodySource = "body Map";
        } else if (body instanceof String json) {
            fromBody = strict(json, NewContact.class, "body JSON",
                    "Send a JSON object with inbox_id, name, email, phone_number, avatar_url or identifier");
            bodySource = "body JSON";
        } else {
            throw new LiveDeskValidationException(BODY, "a " + body.getClass().getName() + " cannot be a contact",
                    "livedesk:contact takes a NewContact, a Map of the JSON fields, a JSON String, or no body with "
                            + "the CamelLiveDeskCustomer* headers");
        }
        return contact(exchange, fromBody, bodySource);
    }

    /** The contact the body's fields describe, completed from the customer headers and the inbox option. */
    private LiveDeskRequest.CreateContact contact(Exchange exchange, NewContact fromBody, String bodySource) {
        return new LiveDeskRequest.CreateContact(
                inboxId(exchange, fromBody.inboxId(), bodySource),
                field(exchange, fromBody.name(), bodySource, HeaderNames.CUSTOMER_NAME),
                field(exchange, fromBody.email(), bodySource, HeaderNames.CUSTOMER_EMAIL),
                field(exchange, fromBody.phoneNumber(), bodySource, HeaderNames.CUSTOMER_PHONE_NUMBER),
                new Resolved<>(fromBody.avatarUrl(), bodySource),
                field(exchange, fromBody.identifier(), bodySource, HeaderNames.CUSTOMER_IDENTIFIER));
    }

    private Resolved<Long> inboxId(Exchange exchange, Long fromBody, String bodySource) {
        return fromBody != null ? new Resolved<>(fromBody, bodySource)
                : header(exchange, HeaderNames.INBOX_ID, Long.class, defaults.inboxId(), "numeric inbox id");
    }

    private static Resolved<String> field(Exchange exchange, String fromBody, String bodySource, String header) {
        return fromBody != null ? new Resolved<>(fromBody, bodySource)
                : header(exchange, header, String.class, new Resolved<>(null, "header " + header), "text");
    }

    /**
     * The {@code livedesk:conversation} request: a {@link NewConversation}, a Map or JSON, completed from the inbox,
     * contact and source headers and the inboxId option.
     */
    public LiveDeskRequest conversation(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        NewConversation fromBody;
        String bodySource = BODY;
        if (body == null) {
            fromBody = new NewConversation(null, null, null);
        } else if (body instanceof NewConversation conversation) {
            fromBody = conversation;
            bodySource = "body NewConversation";
        } else if (body instanceof LiveDeskContact contact) {
            // what livedesk:contact answered, earlier in the route: a conversation with that contact
            fromBody = new NewConversation(null, contact.id(), null);
            bodySource = "body LiveDeskContact";
        } else if (body instanceof Map<?, ?> map) {
            fromBody = strict(map, NewConversation.class, "body Map",
                    "Use the keys inbox_id, contact_id and source_id");
            bodySource = "body Map";
        } else if (body instanceof String json) {
            fromBody = strict(json, NewConversation.class, "body JSON",
                    "Send a JSON object with inbox_id and contact_id or source_id");
            bodySource = "body JSON";
        } else {
            throw new LiveDeskValidationException(BODY, "a " + body.getClass().getName() + " cannot be a conversation",
                    "livedesk:conversation takes a NewConversation, a LiveDeskContact, a Map of the JSON fields, a "
                            + "JSON String, or no body with the CamelLiveDeskContactId or CamelLiveDeskSourceId header");
        }
        return new LiveDeskRequest.CreateConversation(
                inboxId(exchange, fromBody.inboxId(), bodySource),
                fromBody.contactId() != null ? new Resolved<>(fromBody.contactId(), bodySource)
                        : header(exchange, HeaderNames.CONTACT_ID, Long.class,
                                new Resolved<>(null, "header " + HeaderNames.CONTACT_ID), "contact id"),
                field(exchange, fromBody.sourceId(), bodySource, HeaderNames.SOURCE_ID));
    }

    /**
     * The {@code livedesk:status} request: the status from a String body, else the header, else the option; with
     * {@code snoozed}, until the time the snoozed-until header gives.
     */
    public LiveDeskRequest status(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        Resolved<String> status;
        if (body instanceof String text && !text.isBlank()) {
            status = new Resolved<>(text.trim(), BODY);
        } else if (body instanceof ConversationStatus value) {
            status = new Resolved<>(value.wireValue(), BODY);
        } else {
            status = header(exchange, HeaderNames.NEW_STATUS, String.class, defaults.status(), "status");
        }
        return new LiveDeskRequest.ToggleStatus(conversationId(exchange), status, snoozedUntil(exchange));
    }

    /** Epoch seconds from an Instant, a Date, a number of seconds, or text Camel converts to one of them. */
    private static Resolved<Long> snoozedUntil(Exchange exchange) {
        Object raw = exchange.getMessage().getHeader(HeaderNames.SNOOZED_UNTIL);
        String source = "header " + HeaderNames.SNOOZED_UNTIL;
        if (raw == null) {
            return new Resolved<>(null, source);
        }
        if (raw instanceof Date date) {
            return new Resolved<>(date.getTime() / 1000, source);
        }
        if (raw instanceof TemporalAccessor temporal
                && temporal.isSupported(ChronoField.INSTANT_SECONDS)) {
            return new Resolved<>(temporal.getLong(ChronoField.INSTANT_SECONDS), source);
        }
        if (raw instanceof String text) {
            try {
                return new Resolved<>(Instant.parse(text.trim()).getEpochSecond(), source);
            } catch (DateTimeParseException notAnInstant) {
                // perhaps epoch seconds: converted below
            }
        }
        return header(exchange, HeaderNames.SNOOZED_UNTIL, Long.class, new Resolved<>(null, source),
                "time (an Instant, a Date, an ISO-8601 instant or epoch seconds)");
    }

    private static <T> T strict(Object source, Class<T> type, String what, String fix) {
        try {
            if (source instanceof String json) {
                JsonNode tree = LiveDeskJson.mapper().readTree(json);
                if (tree == null || !tree.isObject()) {
                    throw new LiveDeskValidationException(what, "is not a JSON object", fix);
                }
                return LiveDeskJson.strictMapper().treeToValue(tree, type);
            }
            return LiveDeskJson.strictMapper().convertValue(source, type);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            Throwable cause = e instanceof IllegalArgumentException ? e.getCause() : e;
            String problem = cause instanceof UnrecognizedPropertyException unknown
                    ? "has the unknown key " + quote(unknown.getPropertyName())
                    : "cannot be read (" + quote(cause == null ? e.getMessage() : cause.getMessage()) + ")";
            throw new LiveDeskValidationException(what, problem, fix, e);
        }
    }

    // ---- headers

    /**
     * The header's value converted with Camel's type converters (so {@code "true"} or {@code "141"} from any DSL
     * work), else the option.
     */
    private static <T> Resolved<T> header(Exchange exchange, String header, Class<T> type, Resolved<T> option,
            String what) {
        Message message = exchange.getMessage();
        Object raw = message.getHeader(header);
        if (raw == null) {
            return option;
        }
        String source = "header " + header;
        if (type.isInstance(raw)) {
            return new Resolved<>(type.cast(raw), source);
        }
        T converted = null;
        Exception failure = null;
        try {
            converted = exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
        } catch (Exception e) {
            failure = e;
        }
        if (converted == null) {
            String fallback = option.source().contains("option ")
                    ? ", or remove it to use the " + option.source().substring(option.source().lastIndexOf(' ') + 1)
                            + " option"
                    : "";
            throw new LiveDeskValidationException(source, quote(raw) + " ("
                    + raw.getClass().getSimpleName() + ") is not a " + what
                    + " (" + type.getSimpleName() + ")",
                    "Set the header to a " + type.getSimpleName() + fallback, failure);
        }
        return new Resolved<>(converted, source);
    }
}
