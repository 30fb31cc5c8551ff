package io.github.camellivedesk.simulator;

/**
 * The error bodies the real service sends, in its shapes (docs/livedesk-service.md): {@code {"error": "..."}} for auth,
 * not-found and server errors, {@code {"message": "...", "attributes": [...]}} for rejected fields.
 */
final class ErrorBodies {

    private ErrorBodies() {
    }

    static String error(String message) {
        StringBuilder out = new StringBuilder("{\"error\":");
        JsonWriter.string(message, out);
        return out.append('}').toString();
    }

    static String invalidField(String field, String message) {
        StringBuilder out = new StringBuilder("{\"message\":");
        JsonWriter.string(message, out);
        out.append(",\"attributes\":[");
        JsonWriter.string(field, out);
        return out.append("]}").toString();
    }

    /** Several rejected fields at once, as Rails joins them: {@code "A is invalid, B has already been taken"}. */
    static String invalidFields(java.util.List<MessageRules.Violation> violations) {
        StringBuilder out = new StringBuilder("{\"message\":");
        JsonWriter.string(String.join(", ", violations.stream().map(MessageRules.Violation::message).toList()), out);
        out.append(",\"attributes\":[");
        for (int i = 0; i < violations.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonWriter.string(violations.get(i).field(), out);
        }
        return out.append("]}").toString();
    }

    static String forStatus(int status) {
        return switch (status) {
            case 400 -> "{\"message\":\"Bad request\",\"attributes\":[]}";
            case 401 -> error("Invalid API key or secret");
            case 403 -> error("You are not authorized to do this action");
            case 404 -> error("Resource could not be found");
            case 408 -> error("Request timeout");
            case 413 -> error("Payload too large");
            case 422 -> invalidField("content", "Validation failed");
            case 429 -> error("Too many requests");
            case 500 -> error("Internal server error");
            case 502 -> error("Bad gateway");
            case 503 -> error("Service unavailable");
            case 504 -> error("Gateway timeout");
            default -> error("HTTP " + status);
        };
    }
}
