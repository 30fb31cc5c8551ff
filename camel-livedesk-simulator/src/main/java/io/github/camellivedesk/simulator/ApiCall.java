package io.github.camellivedesk.simulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/** One API request being served: its exchange, what was read of its body, and what the request log keeps of it. */
final class ApiCall {

    private static final Pattern CONVERSATION = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/");

    final HttpExchange exchange;
    final Instant received;
    final String path;
    /** The conversation segment of the path, or null when it names none: what faults and rate limits key on. */
    final String conversation;
    private long bodySize;
    private String json;
    private boolean drained;

    ApiCall(HttpExchange exchange, Instant received) {
        this.exchange = exchange;
        this.received = received;
        String rawPath = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        this.path = query == null ? rawPath : rawPath + "?" + query;
        Matcher matcher = CONVERSATION.matcher(rawPath);
        this.conversation = matcher.find() ? matcher.group(1) : null;
    }

    String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    /** The whole body, or null when it is longer than {@code max}. */
    byte[] readBody(int max) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(max + 1);
        bodySize += bytes.length;
        if (bytes.length > max) {
            return null;
        }
        drained = true;
        return bytes;
    }

    /** The body as a stream that counts what is read. */
    InputStream body() {
        return new FilterInputStream(exchange.getRequestBody()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bodySize++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bodySize += n;
                }
                return n;
            }
        };
    }

    /** The declared body length; -1 when chunked or unknown. */
    long declaredLength() {
        String length = header("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Keeps the JSON body for the request log, cut to {@code max} characters. */
    void recordJson(String text, int max) {
        json = text.length() > max ? text.substring(0, max) : text;
    }

    /** Reads what is left of the body so the connection can be reused. */
    void drain() throws IOException {
        if (!drained) {
            drained = true;
            bodySize += exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        }
    }

    /** The rest of the body stays unread: the connection is closed after the answer. */
    void markUnread() {
        drained = true;
    }

    /**
     * Reads what is left of the body, but no more than {@code max} bytes: a client still sending when the connection
     * closes may miss the answer (a reset), so a refusal reads a short rest before it closes; a long one is left.
     */
    void drainAtMost(long max) throws IOException {
        if (!drained) {
            drained = true;
            InputStream rest = exchange.getRequestBody();
            byte[] buffer = new byte[8192];
            long left = max;
            int read;
            while (left > 0 && (read = rest.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                bodySize += read;
                left -= read;
            }
        }
    }

    RecordedRequest record(int status) {
        return new RecordedRequest(exchange.getRequestMethod(), path, RequestLog.redacted(exchange.getRequestHeaders()),
                header("Content-Type"), bodySize, json, received, status);
    }
}
