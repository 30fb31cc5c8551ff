package io.github.camellivedesk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.TemplateParams;

import static io.github.camellivedesk.internal.LogSafe.quote;

/**
 * Reads a template message from JSON, for a {@code livedesk:template} body and for the type converter alike: a whole
 * message ({@code content}, {@code message_type}, {@code template_params}) or bare {@code template_params}.
 */
public final class TemplateJson {

    private TemplateJson() {
    }

    /**
     * The template message the JSON holds.
     *
     * @throws LiveDeskValidationException when the JSON is not an object, cannot be read, or declares a message that
     *                                     is not an outgoing one (it cannot be read as a template message)
     */
    public static TemplateMessage read(String json) {
        try {
            JsonNode tree = LiveDeskJson.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new LiveDeskValidationException("body JSON", "is not a JSON object",
                        "Send {\"content\": ..., \"template_params\": {\"name\": ..., \"language\": ...}}");
            }
            if (!tree.has("template_params")) {
                return new TemplateMessage(null, LiveDeskJson.mapper().treeToValue(tree, TemplateParams.class));
            }
            JsonNode type = tree.get("message_type");
            if (type != null && !TemplateMessage.OUTGOING.equals(type.asText())) {
                throw new LiveDeskValidationException("body JSON message_type",
                        quote(type.asText()) + " is not " + TemplateMessage.OUTGOING,
                        "Leave message_type out or set it to \"outgoing\"");
            }
            return LiveDeskJson.mapper().treeToValue(tree, TemplateMessage.class);
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("body JSON", "cannot be read: " + quote(e.getOriginalMessage()),
                    "Send a JSON object with template_params (name, language, processed_params, ...)", e);
        }
    }
}
