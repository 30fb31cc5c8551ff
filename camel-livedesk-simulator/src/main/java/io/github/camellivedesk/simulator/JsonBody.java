package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Reads an API request's JSON object body, answering what the service answers when it cannot. */
final class JsonBody {

    static final int MAX_JSON_BYTES = 10 * 1024 * 1024;
    private static final int MAX_RECORDED_JSON = 64 * 1024;

    private JsonBody() {
    }

    /** The body of a call that must be {@code application/json}: 415 otherwise, then as {@link #parse}. */
    static Map<String, Object> read(ApiCall call) throws IOException, Rejected {
        String contentType = call.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new Rejected(ApiResponse.json(415,
                    ErrorBodies.error("Unsupported Content-Type " + (contentType == null ? "(none)" : contentType)
                            + ": use application/json"))
                    .closing());
        }
        return parse(call);
    }

    /** The body as a JSON object, kept for the request log: 413 beyond 10 MiB, 400 when it is not a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(ApiCall call) throws IOException, Rejected {
        byte[] bytes = call.readBody(MAX_JSON_BYTES);
        if (bytes == null) {
            throw new Rejected(
                    ApiResponse.json(413, ErrorBodies.error("Request body larger than " + MAX_JSON_BYTES + " bytes"))
                            .closing());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        call.recordJson(text, MAX_RECORDED_JSON);
        Object parsed;
        try {
            parsed = JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Rejected(ApiResponse.json(400, ErrorBodies.error("Malformed JSON: " + e.getMessage())));
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new Rejected(ApiResponse.json(400, ErrorBodies.error("The request body must be a JSON object")));
        }
        return (Map<String, Object>) parsed;
    }
}
