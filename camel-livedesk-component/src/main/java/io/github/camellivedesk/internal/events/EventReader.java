package io.github.camellivedesk.internal.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.event.ContactCreated;
import io.github.camellivedesk.model.event.ContactUpdated;
import io.github.camellivedesk.model.event.ConversationCreated;
import io.github.camellivedesk.model.event.ConversationStatusChanged;
import io.github.camellivedesk.model.event.ConversationUpdated;
import io.github.camellivedesk.model.event.LiveDeskEvent;
import io.github.camellivedesk.model.event.MessageCreated;
import io.github.camellivedesk.model.event.MessageEvent;
import io.github.camellivedesk.model.event.MessageUpdated;
import io.github.camellivedesk.model.event.OtherEvent;

/**
 * Reads a delivery's body into its typed event. The body comes from anyone who can reach the URL, so the parser is
 * bounded: nesting deeper than Chatwoot's payloads ever go is refused before it costs stack, and the body's size was
 * bounded before. A body that is not one JSON object with a text {@code event} is refused with 400.
 */
public final class EventReader {

    /** Chatwoot's payloads nest about six deep; a margin for what LiveDesk may add, and no more. */
    static final int MAX_NESTING_DEPTH = 64;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final ObjectMapper MAPPER = JsonMapper
            .builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private EventReader() {
    }

    /** The typed event of a body, or a 400 saying what is wrong with it. */
    public static LiveDeskEvent read(byte[] body) throws RefusedDelivery {
        if (body.length == 0) {
            throw new RefusedDelivery(400, "body is empty");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new RefusedDelivery(400, "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (IOException e) {
            throw new RefusedDelivery(400, "body is not JSON");
        }
        if (!(tree instanceof ObjectNode payload)) {
            throw new RefusedDelivery(400, "body is not a JSON object");
        }
        JsonNode event = payload.get("event");
        if (event == null || !event.isTextual() || event.asText().isBlank()) {
            throw new RefusedDelivery(400, "body has no event");
        }
        String json = new String(body, StandardCharsets.UTF_8);
        String name = event.asText();
        try {
            return switch (name) {
                case MessageCreated.EVENT -> new MessageCreated(message(payload), json);
                case MessageUpdated.EVENT -> new MessageUpdated(message(payload), json);
                case ConversationCreated.EVENT -> new ConversationCreated(conversation(payload), json);
                case ConversationUpdated.EVENT -> new ConversationUpdated(conversation(payload), json);
                case ConversationStatusChanged.EVENT -> new ConversationStatusChanged(conversation(payload),
                        previousStatus(payload), json);
                case ContactCreated.EVENT -> new ContactCreated(contact(payload), json);
                case ContactUpdated.EVENT -> new ContactUpdated(contact(payload), json);
                default -> new OtherEvent(name, json);
            };
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new RefusedDelivery(400, "the payload of " + name + " does not have the fields' types LiveDesk "
                    + "sends");
        }
    }

    /** The fields of an event's JSON, for {@code convertBodyTo(Map.class)}. */
    public static Map<String, Object> toMap(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, MAP);
    }

    private static LiveDeskMessage message(ObjectNode payload) throws JsonProcessingException {
        // the tree is this delivery's own (the event keeps the JSON text), so it is changed in place
        ObjectNode message = payload;
        // the webhook names the type, where the API answers a number: the model keeps the API's number
        JsonNode type = message.get("message_type");
        if (type != null && type.isTextual()) {
            Integer number = switch (type.asText()) {
                case "incoming" -> MessageEvent.INCOMING;
                case "outgoing" -> MessageEvent.OUTGOING;
                case "activity" -> MessageEvent.ACTIVITY;
                case "template" -> MessageEvent.TEMPLATE;
                default -> null;
            };
            message.put("message_type", number);
        }
        // the message's conversation_id, else that of the conversation it came with
        JsonNode conversationId = message.get("conversation_id");
        if ((conversationId == null || conversationId.isNull()) && payload.path("conversation").has("id")) {
            message.set("conversation_id", payload.path("conversation").get("id"));
        }
        return MAPPER.treeToValue(message, LiveDeskMessage.class);
    }

    private static LiveDeskConversation conversation(ObjectNode payload) throws JsonProcessingException {
        return MAPPER.treeToValue(payload, LiveDeskConversation.class);
    }

    private static LiveDeskContact contact(ObjectNode payload) throws JsonProcessingException {
        return MAPPER.treeToValue(payload, LiveDeskContact.class);
    }

    /** {@code changed_attributes: [{"status": {"previous_value": "open", ...}}]}, as Chatwoot sends it. */
    private static String previousStatus(ObjectNode payload) {
        for (JsonNode change : payload.path("changed_attributes")) {
            JsonNode previous = change.path("status").path("previous_value");
            if (previous.isTextual()) {
                return previous.asText();
            }
        }
        return null;
    }
}
