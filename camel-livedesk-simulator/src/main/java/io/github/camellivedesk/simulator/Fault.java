package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something going wrong on the LiveDesk side, to inject with {@link FaultInjector#inject(Fault)}: one record per kind
 * of failure, each carrying only what it needs. Create them with the static methods.
 */
public sealed interface Fault permits Fault.Status, Fault.HugeErrorBody, Fault.Latency, Fault.DropBeforeRead,
        Fault.DropAfterRead, Fault.DropAfterProcessing, Fault.MalformedJson, Fault.SlowBody {

    /** Answers {@code status} with an error body in the shape the real service uses for it. */
    static Status status(int status) {
        return new Status(status, ErrorBodies.forStatus(status), ApiResponse.JSON, Map.of());
    }

    /** 429 with {@code Retry-After} in seconds. */
    static Status rateLimit(Duration retryAfter) {
        return status(429).withBody("{\"error\":\"Too many requests\"}")
                .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    /** 429 with {@code Retry-After} as an HTTP date. */
    static Status rateLimitUntil(ZonedDateTime until) {
        return status(429).withBody("{\"error\":\"Too many requests\"}").withHeader("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(until.withZoneSameInstant(ZoneOffset.UTC)));
    }

    /** 429 without {@code Retry-After} and with a plain-text body, as a throttling proxy answers. */
    static Status rateLimitPlain() {
        return status(429).withBody("Too Many Requests").withContentType("text/plain; charset=utf-8");
    }

    /** A fixed added latency before the request is processed. */
    static Latency latency(Duration delay) {
        return latency(delay, delay);
    }

    /** A random added latency between {@code min} and {@code max}. */
    static Latency latency(Duration min, Duration max) {
        return new Latency(min, max);
    }

    /** Drop the connection before reading the request. */
    static DropBeforeRead dropBeforeRead() {
        return new DropBeforeRead();
    }

    /** Drop the connection after reading the request, without storing anything. */
    static DropAfterRead dropAfterRead() {
        return new DropAfterRead();
    }

    /** Store the message, then drop the connection: the client cannot know it was stored. */
    static DropAfterProcessing dropAfterProcessing() {
        return new DropAfterProcessing();
    }

    /** Store the message, then answer 200 with invalid JSON. */
    static MalformedJson malformedJson() {
        return new MalformedJson();
    }

    /** An HTML error page, as a load balancer in front of the service answers. */
    static Status htmlErrorPage(int status) {
        return status(status).withContentType("text/html; charset=utf-8").withBody(
                "<!DOCTYPE html><html><head><title>" + status
                        + " Error</title><style>body{font:14px sans-serif}</style>"
                        + "</head><body><h1>" + status
                        + " Bad Gateway</h1><p>The server encountered a temporary error.</p>"
                        + "<hr><center>nginx</center></body></html>");
    }

    /** A status with a zero-length body. A 2xx status stores the message first. */
    static Status emptyBody(int status) {
        return status(status).withBody("");
    }

    /** Process normally, but write the answer in small chunks with {@code pause} between them. */
    static SlowBody slowBody(Duration pause) {
        return new SlowBody(pause);
    }

    /** An error status with a plain-text body of {@code size} bytes. */
    static HugeErrorBody hugeErrorBody(int status, long size) {
        return new HugeErrorBody(status, size);
    }

    /**
     * Answers {@code status} with {@code body} instead of processing the request; a 2xx status processes (stores) it
     * first. The {@code with...} methods return changed copies.
     */
    record Status(int status, String body, String contentType, Map<String, String> headers) implements Fault {
        public Status {
            checkStatus(status);
            headers = Map.copyOf(headers);
        }

        /** The same fault with another body. */
        public Status withBody(String newBody) {
            return new Status(status, newBody, contentType, headers);
        }

        /** The same fault with another content type. */
        public Status withContentType(String newContentType) {
            return new Status(status, body, newContentType, headers);
        }

        /** The same fault with one more response header. */
        public Status withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Status(status, body, contentType, copy);
        }

        @Override
        public String toString() {
            return "status " + status + (headers.isEmpty() ? "" : " " + headers);
        }
    }

    /** An error status whose plain-text body is {@code size} bytes long, written as the client reads. */
    record HugeErrorBody(int status, long size) implements Fault {
        public HugeErrorBody {
            checkStatus(status);
            if (size < 0) {
                throw new IllegalArgumentException("size must be 0 or more: " + size);
            }
        }

        @Override
        public String toString() {
            return "status " + status + " with a body of " + size + " bytes";
        }
    }

    /** Waits between {@code min} and {@code max}, holding no thread, then processes the request normally. */
    record Latency(Duration min, Duration max) implements Fault {
        public Latency {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency range must be 0 <= min <= max: " + min + ", " + max);
            }
        }

        @Override
        public String toString() {
            return "latency " + min.toMillis() + "-" + max.toMillis() + " ms";
        }
    }

    /** Closes the connection without reading the request body and without answering. */
    record DropBeforeRead() implements Fault {
        @Override
        public String toString() {
            return "drop before read";
        }
    }

    /** Reads the whole request, then closes the connection without processing or answering. */
    record DropAfterRead() implements Fault {
        @Override
        public String toString() {
            return "drop after read";
        }
    }

    /** Processes (stores) the message, then closes the connection without answering. */
    record DropAfterProcessing() implements Fault {
        @Override
        public String toString() {
            return "drop after processing";
        }
    }

    /** Processes the request, then answers 200 with the JSON document cut in half. */
    record MalformedJson() implements Fault {
        @Override
        public String toString() {
            return "malformed json";
        }
    }

    /** Processes the request, then writes the answer in 8 chunks with {@code pause} between them, holding no thread. */
    record SlowBody(Duration pause) implements Fault {
        public SlowBody {
            if (pause.isNegative()) {
                throw new IllegalArgumentException("pause must not be negative: " + pause);
            }
        }

        @Override
        public String toString() {
            return "slow body, " + pause.toMillis() + " ms pauses";
        }
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }
}
