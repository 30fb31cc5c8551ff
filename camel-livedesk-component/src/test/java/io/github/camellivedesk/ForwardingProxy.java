package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** The two halves of a plain HTTP proxy on the JDK's server, for tests that put one between the component and LiveDesk. */
final class ForwardingProxy {

    private ForwardingProxy() {
    }

    /** Forwards an absolute-URI request to where it points (the simulator), with its credentials and content type. */
    static void forward(HttpExchange exchange) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(exchange.getRequestURI().toString()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        for (String header : new String[]{ "Authorization", "Content-Type" }) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "{\"error\":\"interrupted\"}");
        }
    }

    /** Answers with a JSON body, after reading what is left of the request so the connection stays usable; fake LiveDesk servers in tests answer with it too. */
    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
