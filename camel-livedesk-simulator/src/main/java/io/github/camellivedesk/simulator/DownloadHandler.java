package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
            ApiResponse.writeJson(exchange, 404, ErrorBodies.error("Resource could not be found"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", attachment.contentType());
        exchange.sendResponseHeaders(200, attachment.size() == 0 ? -1 : attachment.size());
        try (InputStream in = Files.newInputStream(attachment.path()); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }
}
