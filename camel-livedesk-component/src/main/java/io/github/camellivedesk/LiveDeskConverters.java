package io.github.camellivedesk;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.apache.camel.Converter;

import io.github.camellivedesk.internal.LiveDeskJson;
import io.github.camellivedesk.internal.TemplateJson;
import io.github.camellivedesk.internal.events.EventReader;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.model.event.LiveDeskEvent;

/**
 * Type converters so that the models work from every DSL: {@code convertBodyTo(String.class)} on an answer gives its
 * JSON, a JSON String becomes a {@link TemplateMessage}, a String a text {@link SendMessageRequest}.
 */
@Converter(generateLoader = true)
public final class LiveDeskConverters {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private LiveDeskConverters() {
    }

    /** The message as JSON, in the API's field names. */
    @Converter
    public static String toJson(LiveDeskMessage message) throws JsonProcessingException {
        return LiveDeskJson.writer().writeValueAsString(message);
    }

    /** The message as a Map of the API's field names, for simple language and YAML routes. */
    @Converter
    public static Map<String, Object> toMap(LiveDeskMessage message) {
        return LiveDeskJson.mapper().convertValue(message, MAP);
    }

    /** A message from its JSON (for example a stored answer or a webhook payload). */
    @Converter
    public static LiveDeskMessage toLiveDeskMessage(String json) throws JsonProcessingException {
        return LiveDeskJson.messageReader().readValue(json);
    }

    /** A webhook event as the JSON LiveDesk delivered, unchanged. */
    @Converter
    public static String toJson(LiveDeskEvent event) {
        return event.json();
    }

    /** A webhook event's fields, as LiveDesk delivered them (also those the event's record does not model). */
    @Converter
    public static Map<String, Object> toMap(LiveDeskEvent event) throws JsonProcessingException {
        return EventReader.toMap(event.json());
    }

    /** A text message. */
    @Converter
    public static SendMessageRequest toSendMessageRequest(String text) {
        return SendMessageRequest.text(text);
    }

    /** A template message from the JSON of a whole message or of its {@code template_params}. */
    @Converter
    public static TemplateMessage toTemplateMessage(String json) {
        return TemplateJson.read(json);
    }
}
