package io.github.camellivedesk.simulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the service checks in a message request. Each method returns null when the request is acceptable, else the
 * 422 body naming the field.
 */
final class MessageRules {

    static final int MAX_CONTENT = 150_000;
    private static final Set<String> HEADER_TYPES = Set.of("text", "image", "video", "document", "location");

    private MessageRules() {
    }

    static String textMessage(Map<String, Object> body) {
        Object content = body.get("content");
        if (!(content instanceof String text) || text.isBlank()) {
            return ErrorBodies.invalidField("content", content == null ? "content is missing" : "content can't be blank");
        }
        String common = common(body);
        if (common != null) {
            return common;
        }
        return contentLength(text);
    }

    static String contentLength(String text) {
        if (text != null && text.length() > MAX_CONTENT) {
            return ErrorBodies.invalidField("content", "content is too long (maximum is " + MAX_CONTENT + " characters)");
        }
        return null;
    }

    private static String common(Map<String, Object> body) {
        Object isPrivate = body.get("private");
        if (isPrivate != null && !(isPrivate instanceof Boolean)) {
            return ErrorBodies.invalidField("private", "private must be true or false");
        }
        Object attributes = body.get("content_attributes");
        if (attributes != null) {
            if (!(attributes instanceof Map<?, ?> map)) {
                return ErrorBodies.invalidField("content_attributes", "content_attributes must be an object");
            }
            Object inReplyTo = map.get("in_reply_to");
            if (inReplyTo != null && !(inReplyTo instanceof Integer || inReplyTo instanceof Long)) {
                return ErrorBodies.invalidField("content_attributes.in_reply_to", "in_reply_to must be a message id");
            }
        }
        return null;
    }

    static String templateMessage(Map<String, Object> body) {
        Object type = body.get("message_type");
        if (!"outgoing".equals(type)) {
            return ErrorBodies.invalidField("message_type", "message_type must be \"outgoing\" for template messages");
        }
        Object content = body.get("content");
        if (content != null && !(content instanceof String)) {
            return ErrorBodies.invalidField("content", "content must be a string");
        }
        String common = common(body);
        if (common != null) {
            return common;
        }
        String length = contentLength((String) content);
        if (length != null) {
            return length;
        }
        if (!(body.get("template_params") instanceof Map<?, ?> params)) {
            return ErrorBodies.invalidField("template_params", "template_params must be an object");
        }
        for (String field : new String[] { "name", "language" }) {
            if (!(params.get(field) instanceof String value) || value.isBlank()) {
                return ErrorBodies.invalidField("template_params." + field, "template_params." + field + " is required");
            }
        }
        for (String field : new String[] { "processed_params" }) {
            Object value = params.get(field);
            if (value != null && !(value instanceof Map<?, ?>)) {
                return ErrorBodies.invalidField("template_params." + field, field + " must be an object");
            }
        }
        Object header = params.get("header_params");
        if (header != null) {
            String error = header(header);
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

    private static String header(Object value) {
        String field = "template_params.header_params";
        if (!(value instanceof Map<?, ?> header)) {
            return ErrorBodies.invalidField(field, "header_params must be an object");
        }
        Object type = header.get("type");
        if (!(type instanceof String name) || !HEADER_TYPES.contains(name)) {
            return ErrorBodies.invalidField(field + ".type", "header type must be one of text, image, video, document, location");
        }
        switch (name) {
            case "image", "video", "document" -> {
                if (!(header.get("media_url") instanceof String url) || url.isBlank()) {
                    return ErrorBodies.invalidField(field + ".media_url", name + " header requires media_url");
                }
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    return ErrorBodies.invalidField(field + ".media_url", "media_url must be an http(s) URL");
                }
            }
            case "location" -> {
                if (!(header.get("location") instanceof Map<?, ?> location)) {
                    return ErrorBodies.invalidField(field + ".location", "location header requires location");
                }
                String latitude = coordinate(location.get("latitude"), 90, field + ".location.latitude");
                return latitude != null ? latitude : coordinate(location.get("longitude"), 180, field + ".location.longitude");
            }
            default -> {
                Object variables = header.get("text_variables");
                if (variables != null && !(variables instanceof Map<?, ?>)) {
                    return ErrorBodies.invalidField(field + ".text_variables", "text_variables must be an object");
                }
            }
        }
        return null;
    }

    private static String coordinate(Object value, int bound, String field) {
        if (!(value instanceof Number number)) {
            return ErrorBodies.invalidField(field, field.substring(field.lastIndexOf('.') + 1) + " is required");
        }
        double degrees = number.doubleValue();
        if (Double.isNaN(degrees) || degrees < -bound || degrees > bound) {
            return ErrorBodies.invalidField(field, field.substring(field.lastIndexOf('.') + 1) + " must be between -"
                                                   + bound + " and " + bound);
        }
        return null;
    }

    private static String buttons(Object value) {
        if (!(value instanceof List<?> buttons)) {
            return ErrorBodies.invalidField("template_params.button_params", "button_params must be an array");
        }
        Set<Object> indexes = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            String field = "template_params.button_params[" + i + "]";
            if (!(buttons.get(i) instanceof Map<?, ?> button)) {
                return ErrorBodies.invalidField(field, "button must be an object");
            }
            Object index = button.get("index");
            if (!(index instanceof Integer position) || position < 0) {
                return ErrorBodies.invalidField(field + ".index", "index must be an integer from 0");
            }
            if (!indexes.add(index)) {
                return ErrorBodies.invalidField(field + ".index", "index " + index + " is used twice");
            }
            Object subType = button.get("sub_type");
            if ("url".equals(subType)) {
                if (!(button.get("text") instanceof String text) || text.isBlank()) {
                    return ErrorBodies.invalidField(field + ".text", "url button requires text");
                }
            } else if ("quick_reply".equals(subType)) {
                if (!(button.get("payload") instanceof String payload) || payload.isBlank()) {
                    return ErrorBodies.invalidField(field + ".payload", "quick_reply button requires payload");
                }
            } else {
                return ErrorBodies.invalidField(field + ".sub_type", "sub_type must be url or quick_reply");
            }
        }
        return null;
    }
}
