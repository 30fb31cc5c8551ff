package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Serves the bytes of stored attachments at their {@code data_url}, streamed from disk. */
final class DownloadHandler implements HttpHandler {

    static final String PREFIX = "/rails/active_storage/blobs/redirect/";

    private final LiveDeskSimulator simulator;

    DownloadHandler(LiveDeskSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        Long id = LiveDeskSimulator.parseId(slash < 0 ? rest : rest.substring(0, slash));
        StoredAttachment attachment = id == null ? null : simulator.store().attachment(id).orElse(null);
        if (attachment == null || !"GET".equals(exchange.getRequestMethod()) || !Files.exists(attachment.path())) {
            byte[] body = ErrorBodies.error("Resource could not be found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ApiResponse.JSON);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", attachment.contentType());
        exchange.sendResponseHeaders(200, attachment.size() == 0 ? -1 : attachment.size());
        try (InputStream in = Files.newInputStream(attachment.path()); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }
}
