package io.github.camellivedesk.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.LiveDeskOperation;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

/**
 * Reads an exchange into the {@link LiveDeskRequest} of an endpoint's operation. Every value comes from the body
 * first (where the body type carries it), else the header, else the endpoint option, else the component option, and
 * keeps its source. Every body type is completed the same way. Only type conversion fails here (a header that is not
 * a number, a Map with an unknown key); the rules on values are the {@link LiveDeskRequestValidator}'s.
 */
public final class LiveDeskBinding {

    static final String BODY = "body";
    private static final String CONTENT_HEADER = "header " + LiveDeskConstants.CONTENT;

    private final LiveDeskOperation operation;
    // option values with their sources, resolved once per endpoint rather than once per message
    private final Resolved<String> conversationId;
    private final Resolved<Boolean> privateMessage;
    private final Resolved<Long> inReplyTo;
    private final Resolved<Long> messageId;
    private final Resolved<String> templateName;
    private final Resolved<String> templateLanguage;
    private final String templateNamespace;
    private final String templateCategory;

    /**
     * @param endpoint  the endpoint's options (a copy of the component's, with the endpoint URI's on top)
     * @param component the component's options, to tell which of the two a value came from
     */
    public LiveDeskBinding(LiveDeskOperation operation, LiveDeskConfiguration endpoint, LiveDeskConfiguration component) {
        this.operation = operation;
        this.conversationId = option("conversationId", endpoint.getConversationId(), component.getConversationId());
        this.privateMessage = option("privateMessage", endpoint.isPrivateMessage(), component.isPrivateMessage());
        this.inReplyTo = option("inReplyTo", endpoint.getInReplyTo(), component.getInReplyTo());
        this.messageId = option("messageId", endpoint.getMessageId(), component.getMessageId());
        this.templateName = option("templateName", endpoint.getTemplateName(), component.getTemplateName());
        this.templateLanguage = option("templateLanguage", endpoint.getTemplateLanguage(), component.getTemplateLanguage());
        this.templateNamespace = endpoint.getTemplateNamespace();
        this.templateCategory = endpoint.getTemplateCategory();
    }

    private static <T> Resolved<T> option(String name, T endpointValue, T componentValue) {
        boolean fromComponent = endpointValue != null && Objects.equals(endpointValue, componentValue);
        return new Resolved<>(endpointValue, (fromComponent ? "component option " : "endpoint option ") + name);
    }

    /**
     * The request of this exchange.
     *
     * @throws LiveDeskValidationException when a header, option or body cannot be read as the value it stands for
     */
    public LiveDeskRequest bind(Exchange exchange) {
        Resolved<String> conversation = header(exchange, LiveDeskConstants.CONVERSATION_ID, String.class, conversationId,
                "conversation id");
        return switch (operation) {
            case send -> send(exchange, conversation);
            case template -> template(exchange, conversation);
            case retry -> new LiveDeskRequest.Retry(conversation,
                    header(exchange, LiveDeskConstants.MESSAGE_ID, Long.class, messageId, "message id"));
        };
    }

    // ---- send

    private LiveDeskRequest send(Exchange exchange, Resolved<String> conversation) {
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
        } else if (AttachmentBodies.isAttachment(body) || body instanceof Collection<?>) {
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
                : header(exchange, LiveDeskConstants.CONTENT, String.class, new Resolved<>(null, bodySource), "text");
        Resolved<Boolean> isPrivate = fromBody.privateMessage() != null
                ? new Resolved<>(fromBody.privateMessage(), bodySource)
                : header(exchange, LiveDeskConstants.PRIVATE, Boolean.class, privateMessage, "flag");
        Resolved<Long> replyTo = fromBody.inReplyTo() != null ? new Resolved<>(fromBody.inReplyTo(), bodySource)
                : header(exchange, LiveDeskConstants.IN_REPLY_TO, Long.class, inReplyTo, "message id");
        return new LiveDeskRequest.Send(conversation, content, isPrivate, replyTo,
                attachments(exchange, fromBody.attachments(), bodySource));
    }

    private static Resolved<List<Attachment>> attachments(Exchange exchange, List<Attachment> fromBody, String bodySource) {
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
                    ? "has the unknown key " + LiveDeskRequestValidator.quote(unknown.getPropertyName())
                    : "does not match the message fields (" + LiveDeskRequestValidator.quote(e.getMessage()) + ")";
            throw new LiveDeskValidationException("body Map", problem,
                    "Use the keys content (String), private (Boolean) and content_attributes ({in_reply_to: Long})", e);
        }
    }

    // ---- template

    private LiveDeskRequest template(Exchange exchange, Resolved<String> conversation) {
        Object body = exchange.getMessage().getBody();
        TemplateMessage fromBody;
        String bodySource = BODY;
        if (body == null) {
            fromBody = TemplateMessage.builder().build();
        } else if (body instanceof TemplateMessage message) {
            fromBody = message;
            bodySource = "body TemplateMessage";
        } else if (body instanceof String json) {
            fromBody = parseTemplate(json);
            bodySource = "body JSON";
        } else if (body instanceof Map<?, ?> variables) {
            fromBody = TemplateMessage.builder().bodyVariables(bodyVariables(variables)).build();
            bodySource = "body Map";
        } else {
            fromBody = exchange.getContext().getTypeConverter().tryConvertTo(TemplateMessage.class, exchange, body);
            if (fromBody == null) {
                throw new LiveDeskValidationException(BODY, "a " + body.getClass().getName() + " cannot be a template message",
                        "livedesk:template takes a TemplateMessage, a Map of body variables, or a JSON String");
            }
            bodySource = "body (converted to TemplateMessage)";
        }
        TemplateParams params = fromBody.templateParams();
        TemplateMessage.Builder builder = fromBody.toBuilder();
        Resolved<String> name = params != null && params.name() != null ? new Resolved<>(params.name(), bodySource)
                : header(exchange, LiveDeskConstants.TEMPLATE_NAME, String.class, templateName, "template name");
        Resolved<String> language = params != null && params.language() != null
                ? new Resolved<>(params.language(), bodySource)
                : header(exchange, LiveDeskConstants.TEMPLATE_LANGUAGE, String.class, templateLanguage, "language code");
        builder.name(name.value()).language(language.value());
        if (params == null || params.namespace() == null) {
            builder.namespace(templateNamespace);
        }
        if (params == null || params.category() == null) {
            builder.category(templateCategory);
        }
        String contentSource = bodySource;
        if (fromBody.content() == null || fromBody.content().isBlank()) {
            // the API requires a content; the template name is what the chat shows when nothing else is given
            Resolved<String> content = header(exchange, LiveDeskConstants.CONTENT, String.class,
                    new Resolved<>(name.value(), name.source()), "text");
            builder.content(content.value());
            contentSource = content.source();
        }
        return new LiveDeskRequest.Template(conversation, builder.build(), name.source(), language.source(), contentSource);
    }

    private static Map<String, String> bodyVariables(Map<?, ?> variables) {
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : variables.entrySet()) {
            Object key = entry.getKey();
            Object value = entry.getValue();
            if (key == null || key.toString().isBlank()) {
                throw new LiveDeskValidationException("body Map", "has a blank variable name",
                        "Key body variables by position (\"1\", \"2\") or name");
            }
            if (value == null || value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                throw new LiveDeskValidationException("body Map", "variable " + LiveDeskRequestValidator.quote(key) + " is "
                                                                  + (value == null ? "null" : "not a single value"),
                        "Give each body variable a text value; for header, footer or buttons use a TemplateMessage");
            }
            result.put(key.toString(), value.toString());
        }
        return result;
    }

    /** Reads a whole template message, or bare {@code template_params}, from JSON. */
    public static TemplateMessage parseTemplate(String json) {
        try {
            JsonNode tree = LiveDeskJson.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new LiveDeskValidationException("body JSON", "is not a JSON object",
                        "Send {\"content\": ..., \"template_params\": {\"name\": ..., \"language\": ...}}");
            }
            if (tree.has("template_params")) {
                JsonNode type = tree.get("message_type");
                if (type != null && !TemplateMessage.OUTGOING.equals(type.asText())) {
                    throw new LiveDeskValidationException("body JSON message_type",
                            LiveDeskRequestValidator.quote(type.asText()) + " is not " + TemplateMessage.OUTGOING,
                            "Leave message_type out or set it to \"outgoing\"");
                }
                return LiveDeskJson.mapper().treeToValue(tree, TemplateMessage.class);
            }
            return new TemplateMessage(null, LiveDeskJson.mapper().treeToValue(tree, TemplateParams.class));
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("body JSON", "cannot be read: "
                                                               + LiveDeskRequestValidator.quote(e.getOriginalMessage()),
                    "Send a JSON object with template_params (name, language, processed_params, ...)", e);
        }
    }

    // ---- headers

    /**
     * The header's value converted with Camel's type converters (so {@code "true"} or {@code "141"} from any DSL
     * work), else the option.
     */
    private static <T> Resolved<T> header(Exchange exchange, String header, Class<T> type, Resolved<T> option, String what) {
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
                    ? ", or remove it to use the " + option.source().substring(option.source().lastIndexOf(' ') + 1) + " option"
                    : "";
            throw new LiveDeskValidationException(source, LiveDeskRequestValidator.quote(raw) + " ("
                                                          + raw.getClass().getSimpleName() + ") is not a " + what
                                                          + " (" + type.getSimpleName() + ")",
                    "Set the header to a " + type.getSimpleName() + fallback, failure);
        }
        return new Resolved<>(converted, source);
    }
}
