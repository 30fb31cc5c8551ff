package io.github.camellivedesk.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Exchange;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.client.LiveDeskJson;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

/**
 * {@code livedesk:template}: a {@link TemplateMessage} body is sent as it is, a {@code Map} gives the body variables
 * ({@code processed_params}), a {@code String} is the JSON of a template message or of its {@code template_params},
 * and no body sends the template without variables. Name, language, namespace and category the body leaves empty
 * come from the headers, else the options; {@code content} from the body, else {@code CamelLiveDeskContent}, else
 * the template name, since the API requires one.
 */
public final class TemplateMessageMapper implements RequestMapper {

    private final LiveDeskConfiguration configuration;

    public TemplateMessageMapper(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public LiveDeskCall map(Exchange exchange) {
        String conversationId = ConversationIds.resolve(exchange, configuration);
        TemplateMessage message = complete(exchange, fromBody(exchange));
        return client -> client.sendTemplate(conversationId, message);
    }

    private static TemplateMessage fromBody(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return TemplateMessage.builder().build();
        }
        if (body instanceof TemplateMessage message) {
            return message;
        }
        if (body instanceof String json) {
            return parse(json);
        }
        if (body instanceof Map<?, ?> variables) {
            return TemplateMessage.builder().bodyVariables(bodyVariables(variables)).build();
        }
        TemplateMessage converted = exchange.getContext().getTypeConverter()
                .tryConvertTo(TemplateMessage.class, exchange, body);
        if (converted == null) {
            throw new LiveDeskValidationException("body", "a " + body.getClass().getName() + " cannot be a template message",
                    "livedesk:template takes a TemplateMessage, a Map of body variables, or a JSON String");
        }
        return converted;
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
                throw new LiveDeskValidationException("body Map", "variable '" + key + "' is "
                                                                  + (value == null ? "null" : "not a single value"),
                        "Give each body variable a text value; for header, footer or buttons use a TemplateMessage");
            }
            result.put(key.toString(), value.toString());
        }
        return result;
    }

    /** Reads a whole template message, or bare {@code template_params}. */
    public static TemplateMessage parse(String json) {
        try {
            JsonNode tree = LiveDeskJson.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new LiveDeskValidationException("body JSON", "is not a JSON object",
                        "Send {\"content\": ..., \"template_params\": {\"name\": ..., \"language\": ...}}");
            }
            if (tree.has("template_params")) {
                JsonNode type = tree.get("message_type");
                if (type != null && !TemplateMessage.OUTGOING.equals(type.asText())) {
                    throw new LiveDeskValidationException("body JSON message_type", "'" + type.asText() + "' is not "
                                                                                    + TemplateMessage.OUTGOING,
                            "Leave message_type out or set it to \"outgoing\"");
                }
                return LiveDeskJson.mapper().treeToValue(tree, TemplateMessage.class);
            }
            return new TemplateMessage(null, LiveDeskJson.mapper().treeToValue(tree, TemplateParams.class));
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("body JSON", "cannot be read: " + e.getOriginalMessage(),
                    "Send a JSON object with template_params (name, language, processed_params, ...)", e);
        }
    }

    private TemplateMessage complete(Exchange exchange, TemplateMessage message) {
        TemplateMessage.Builder builder = message.toBuilder();
        TemplateParams params = message.templateParams();
        String name = params == null ? null : params.name();
        if (name == null) {
            name = HeaderOrOption.resolve(exchange, LiveDeskConstants.TEMPLATE_NAME, String.class,
                    configuration.getTemplateName(), "templateName");
            builder.name(name);
        }
        if (params == null || params.language() == null) {
            builder.language(HeaderOrOption.resolve(exchange, LiveDeskConstants.TEMPLATE_LANGUAGE, String.class,
                    configuration.getTemplateLanguage(), "templateLanguage"));
        }
        if (params == null || params.namespace() == null) {
            builder.namespace(configuration.getTemplateNamespace());
        }
        if (params == null || params.category() == null) {
            builder.category(configuration.getTemplateCategory());
        }
        if (message.content() == null || message.content().isBlank()) {
            String content = HeaderOrOption.resolve(exchange, LiveDeskConstants.CONTENT, String.class, null, null);
            builder.content(content != null ? content : name);
        }
        return builder.build();
    }
}
