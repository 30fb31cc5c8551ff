package io.github.camellivedesk.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An answer the API handler is about to send. */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse json(int status, String json) {
        return new ApiResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** An answer after which the connection is closed, because part of the request was left unread. */
    ApiResponse closing() {
        return new ApiResponse(status, contentType, body, Map.of("Connection", "close"));
    }
}
