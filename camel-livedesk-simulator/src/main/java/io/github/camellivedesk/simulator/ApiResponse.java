package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/** An answer the API handler is about to send. */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse json(int status, String json) {
        return new ApiResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Writes a JSON answer outside the API (inspection, downloads, unknown paths), where nothing is logged. */
    static void writeJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** An answer after which the connection is closed, because part of the request was left unread. */
    ApiResponse closing() {
        Map<String, String> closing = new java.util.LinkedHashMap<>(headers);
        closing.put("Connection", "close");
        return new ApiResponse(status, contentType, body, Map.copyOf(closing));
    }
}
