package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import com.sun.net.httpserver.HttpExchange;

/**
 * The live inbox page ({@code GET /__simulator/ui}): one static HTML file from the jar, its script and style inline,
 * nothing from elsewhere. Everything it shows it fetches from the inspection API, and it builds the DOM with
 * {@code textContent}, so a message's content never becomes markup. The Content-Security-Policy allows exactly the
 * page's own script and style (by their SHA-256, computed here from the file), images and videos from the simulator
 * itself, and fetches to it: a script that slipped into the page some other way would not run.
 */
final class InboxPage {

    static final String PATH = "ui";
    static final InboxPage INSTANCE = new InboxPage(load("inbox.html"));

    private final byte[] html;
    private final String policy;

    InboxPage(String html) {
        this.html = html.getBytes(StandardCharsets.UTF_8);
        this.policy = "default-src 'none'; script-src " + hash(html, "script") + "; style-src " + hash(html, "style")
                + "; img-src 'self'; media-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'";
    }

    void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", policy);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, html.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(html);
        }
    }

    String policy() {
        return policy;
    }

    /** The CSP source of the one {@code <tag>} element's text: {@code 'sha256-...'}. */
    static String hash(String html, String tag) {
        int open = html.indexOf("<" + tag + ">");
        int close = html.indexOf("</" + tag + ">");
        if (open < 0 || close < open || html.indexOf("<" + tag + ">", open + 1) >= 0) {
            throw new IllegalStateException("The inbox page must have exactly one <" + tag + "> element");
        }
        String text = html.substring(open + tag.length() + 2, close);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = InboxPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The inbox page " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
