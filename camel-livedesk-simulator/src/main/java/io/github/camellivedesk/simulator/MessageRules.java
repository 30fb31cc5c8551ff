package io.github.camellivedesk.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the service checks in a message request, in one place: each check answers the first {@link Violation} (the
 * field and what is wrong with it, a 422 for the client), or none.
 */
final class MessageRules {

    static final int MAX_CONTENT = 150_000;
    private static final Set<String> HEADER_TYPES = Set.of("text", "image", "video", "document", "location");

    /** A rejected field: answered as 422 {@code {"message": ..., "attributes": [field]}}. */
    record Violation(String field, String message) {
        ApiResponse response() {
            return ApiResponse.json(422, ErrorBodies.invalidField(field, message));
        }
    }

    private MessageRules() {
    }

    static Optional<Violation> textMessage(Map<String, Object> body) {
        return Optional.ofNullable(text(body));
    }

    static Optional<Violation> templateMessage(Map<String, Object> body) {
        return Optional.ofNullable(template(body));
    }

    /** A multipart message: text, attachments or both. */
    static Optional<Violation> multipartMessage(String content, int attachments) {
        if (attachments == 0 && (content == null || content.isBlank())) {
            return Optional.of(new Violation("content", "content can't be blank without attachments"));
        }
        return Optional.ofNullable(contentLength(content));
    }

    private static Violation text(Map<String, Object> body) {
        Object content = body.get("content");
        if (!(content instanceof String text) || text.isBlank()) {
            return new Violation("content", content == null ? "content is missing" : "content can't be blank");
        }
        Violation common = common(body);
        if (common != null) {
            return common;
        }
        return contentLength(text);
    }

    private static Violation contentLength(String text) {
        if (text != null && text.length() > MAX_CONTENT) {
            return new Violation("content", "content is too long (maximum is " + MAX_CONTENT + " characters)");
        }
        return null;
    }

    private static Violation common(Map<String, Object> body) {
        Object isPrivate = body.get("private");
        if (isPrivate != null && !(isPrivate instanceof Boolean)) {
            return new Violation("private", "private must be true or false");
        }
        Object attributes = body.get("content_attributes");
        if (attributes != null) {
            if (!(attributes instanceof Map<?, ?> map)) {
                return new Violation("content_attributes", "content_attributes must be an object");
            }
            Object inReplyTo = map.get("in_reply_to");
            if (inReplyTo != null && !(inReplyTo instanceof Integer || inReplyTo instanceof Long)) {
                return new Violation("content_attributes.in_reply_to", "in_reply_to must be a message id");
            }
        }
        return null;
    }

    private static Violation template(Map<String, Object> body) {
        Object type = body.get("message_type");
        if (!"outgoing".equals(type)) {
            return new Violation("message_type", "message_type must be \"outgoing\" for template messages");
        }
        Object content = body.get("content");
        if (content != null && !(content instanceof String)) {
            return new Violation("content", "content must be a string");
        }
        Violation common = common(body);
        if (common != null) {
            return common;
        }
        Violation length = contentLength((String) content);
        if (length != null) {
            return length;
        }
        if (!(body.get("template_params") instanceof Map<?, ?> params)) {
            return new Violation("template_params", "template_params must be an object");
        }
        for (String field : new String[]{ "name", "language" }) {
            if (!(params.get(field) instanceof String value) || value.isBlank()) {
                return new Violation("template_params." + field, "template_params." + field + " is required");
            }
        }
        for (String field : new String[]{ "processed_params" }) {
            Object value = params.get(field);
            if (value != null && !(value instanceof Map<?, ?>)) {
                return new Violation("template_params." + field, field + " must be an object");
            }
        }
        Object header = params.get("header_params");
        if (header != null) {
            Violation error = header(header);
            if (error != null) {
                return error;
            }
        }
        Object buttons = params.get("button_params");
        if (buttons != null) {
            return buttons(buttons);
        }
        return null;
    }

    private static Violation header(Object value) {
        String field = "template_params.header_params";
        if (!(value instanceof Map<?, ?> header)) {
            return new Violation(field, "header_params must be an object");
        }
        Object type = header.get("type");
        if (!(type instanceof String name) || !HEADER_TYPES.contains(name)) {
            return new Violation(field + ".type", "header type must be one of text, image, video, document, location");
        }
        switch (name) {
            case "image", "video", "document" -> {
                if (!(header.get("media_url") instanceof String url) || url.isBlank()) {
                    return new Violation(field + ".media_url", name + " header requires media_url");
                }
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    return new Violation(field + ".media_url", "media_url must be an http(s) URL");
                }
            }
            case "location" -> {
                if (!(header.get("location") instanceof Map<?, ?> location)) {
                    return new Violation(field + ".location", "location header requires location");
                }
                Violation latitude = coordinate(location.get("latitude"), 90, field + ".location.latitude");
                return latitude != null ? latitude
                        : coordinate(location.get("longitude"), 180, field + ".location.longitude");
            }
            default -> {
                Object variables = header.get("text_variables");
                if (variables != null && !(variables instanceof Map<?, ?>)) {
                    return new Violation(field + ".text_variables", "text_variables must be an object");
                }
            }
        }
        return null;
    }

    private static Violation coordinate(Object value, int bound, String field) {
        if (!(value instanceof Number number)) {
            return new Violation(field, field.substring(field.lastIndexOf('.') + 1) + " is required");
        }
        double degrees = number.doubleValue();
        if (Double.isNaN(degrees) || degrees < -bound || degrees > bound) {
            return new Violation(field, field.substring(field.lastIndexOf('.') + 1) + " must be between -"
                    + bound + " and " + bound);
        }
        return null;
    }

    private static Violation buttons(Object value) {
        if (!(value instanceof List<?> buttons)) {
            return new Violation("template_params.button_params", "button_params must be an array");
        }
        Set<Object> indexes = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String field = "template_params.button_params[" + i + "]";
            if (!(buttons.get(i) instanceof Map<?, ?> button)) {
                return new Violation(field, "button must be an object");
            }
            Object index = button.get("index");
            if (!(index instanceof Integer position) || position < 0) {
                return new Violation(field + ".index", "index must be an integer from 0");
            }
            if (!indexes.add(index)) {
                return new Violation(field + ".index", "index " + index + " is used twice");
            }
            Object subType = button.get("sub_type");
            if ("url".equals(subType)) {
                if (!(button.get("text") instanceof String text) || text.isBlank()) {
                    return new Violation(field + ".text", "url button requires text");
                }
            } else if ("quick_reply".equals(subType)) {
                if (!(button.get("payload") instanceof String payload) || payload.isBlank()) {
                    return new Violation(field + ".payload", "quick_reply button requires payload");
                }
            } else {
                return new Violation(field + ".sub_type", "sub_type must be url or quick_reply");
            }
        }
        return null;
    }
}
