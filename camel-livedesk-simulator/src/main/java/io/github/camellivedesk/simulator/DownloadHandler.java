package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Serves the bytes of stored attachments at their {@code data_url}, streamed from disk, as downloads. */
final class DownloadHandler implements HttpHandler {

    static final String PREFIX = "/rails/active_storage/blobs/redirect/";

    private final MessageStore store;
    private final AdminAccess access;

    DownloadHandler(MessageStore store, AdminAccess access) {
        this.store = store;
        this.access = access;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        AdminAccess.Refusal refusal = access.checkOrigin(exchange.getRequestHeaders());
        if (refusal != null) {
            exchange.getResponseHeaders().set("Connection", "close");
            ApiResponse.writeJson(exchange, refusal.status(), ErrorBodies.error(refusal.reason()));
            return;
        }
        String rest = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        Long id = MessageStore.parseId(slash < 0 ? rest : rest.substring(0, slash));
        StoredAttachment attachment = id == null ? null : store.attachment(id).orElse(null);
        if (attachment == null || !"GET".equals(exchange.getRequestMethod()) || !Files.exists(attachment.path())) {
            ApiResponse.writeJson(exchange, 404, ErrorBodies.error("Resource could not be found"));
            return;
        }
        // whatever was uploaded (an HTML page with a script, an SVG) is a file to save, never a page of this origin
        exchange.getResponseHeaders().set("Content-Type", attachment.contentType());
        exchange.getResponseHeaders().set("Content-Disposition", ContentDisposition.attachment(attachment.fileName()));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; sandbox");
        exchange.sendResponseHeaders(200, attachment.size() == 0 ? -1 : attachment.size());
        try (InputStream in = Files.newInputStream(attachment.path()); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    }
}
