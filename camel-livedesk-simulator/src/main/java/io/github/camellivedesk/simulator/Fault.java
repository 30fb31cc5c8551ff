package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something going wrong on the LiveDesk side, to inject with {@link FaultInjector#inject(Fault)}. Immutable; the
 {@code with...} methods return changed copies.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Answer with a status and body instead of processing the request. */
        STATUS,
        /** Wait, then process the request normally. */
        LATENCY,
        /** Close the connection without reading the request body and without answering. */
        DROP_BEFORE_READ,
        /** Read the whole request, then close the connection without processing or answering. */
        DROP_AFTER_READ,
        /** Process (store) the message, then close the connection without answering. */
        DROP_AFTER_PROCESSING,
        /** Process the request, then answer 200 with a JSON document cut short. */
        MALFORMED_JSON,
        /** Process the request, then answer normally but dribble the body out with pauses. */
        SLOW_BODY
    }

    private final Kind kind;
    private final int status;
    private final String body;
    private final String contentType;
    private final Map<String, String> headers;
    private final Duration minDelay;
    private final Duration maxDelay;
    private final long bodySize;

    private Fault(Kind kind, int status, String body, String contentType, Map<String, String> headers,
                  Duration minDelay, Duration maxDelay, long bodySize) {
        this.kind = kind;
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.headers = Map.copyOf(headers);
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        this.bodySize = bodySize;
    }

    /** Answers {@code status} with an error body in the shape the real service uses for it. */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return new Fault(Kind.STATUS, status, ErrorBodies.forStatus(status), "application/json; charset=utf-8",
                Map.of(), Duration.ZERO, Duration.ZERO, -1);
    }

    /** 429 with {@code Retry-After} in seconds. */
    public static Fault rateLimit(Duration retryAfter) {
        return status(429).withBody("{\"error\":\"Too many requests\"}")
                .withHeader("Retry-After", Long.toString(retryAfter.toSeconds()));
    }

    /** 429 with {@code Retry-After} as an HTTP date. */
    public static Fault rateLimitUntil(ZonedDateTime until) {
        return status(429).withBody("{\"error\":\"Too many requests\"}").withHeader("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(until.withZoneSameInstant(ZoneOffset.UTC)));
    }

    /** 429 without {@code Retry-After} and with a plain-text body, as a throttling proxy answers. */
    public static Fault rateLimitPlain() {
        return status(429).withBody("Too Many Requests").withContentType("text/plain; charset=utf-8");
    }

    /** A fixed added latency before the request is processed. */
    public static Fault latency(Duration delay) {
        return latency(delay, delay);
    }

    /** A random added latency between {@code min} and {@code max}. */
    public static Fault latency(Duration min, Duration max) {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("latency range must be 0 <= min <= max: " + min + ", " + max);
        }
        return new Fault(Kind.LATENCY, 0, null, null, Map.of(), min, max, -1);
    }

    /** Drop the connection before reading the request. */
    public static Fault dropBeforeRead() {
        return new Fault(Kind.DROP_BEFORE_READ, 0, null, null, Map.of(), Duration.ZERO, Duration.ZERO, -1);
    }

    /** Drop the connection after reading the request, without storing anything. */
    public static Fault dropAfterRead() {
        return new Fault(Kind.DROP_AFTER_READ, 0, null, null, Map.of(), Duration.ZERO, Duration.ZERO, -1);
    }

    /** Store the message, then drop the connection: the client cannot know it was stored. */
    public static Fault dropAfterProcessing() {
        return new Fault(Kind.DROP_AFTER_PROCESSING, 0, null, null, Map.of(), Duration.ZERO, Duration.ZERO, -1);
    }

    /** Store the message, then answer 200 with invalid JSON. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, null, "application/json; charset=utf-8", Map.of(),
                Duration.ZERO, Duration.ZERO, -1);
    }

    /** An HTML error page, as a load balancer in front of the service answers. */
    public static Fault htmlErrorPage(int status) {
        return status(status).withContentType("text/html; charset=utf-8").withBody(
                "<!DOCTYPE html><html><head><title>" + status + " Error</title><style>body{font:14px sans-serif}</style>"
                                                                                   + "</head><body><h1>" + status
                                                                                   + " Bad Gateway</h1><p>The server encountered a temporary error.</p><hr><center>nginx</center></body></html>");
    }

    /** A status with a zero-length body. A 2xx status stores the message first. */
    public static Fault emptyBody(int status) {
        return status(status).withBody("");
    }

    /** Process normally, but write the answer in small chunks with {@code pause} between them. */
    public static Fault slowBody(Duration pause) {
        return new Fault(Kind.SLOW_BODY, 0, null, null, Map.of(), pause, pause, -1);
    }

    /** An error status with a body of {@code size} bytes. */
    public static Fault hugeErrorBody(int status, long size) {
        Fault fault = status(status).withContentType("text/plain; charset=utf-8");
        return new Fault(Kind.STATUS, status, null, fault.contentType, fault.headers, Duration.ZERO, Duration.ZERO, size);
    }

    /** The same fault with another body. */
    public Fault withBody(String newBody) {
        return new Fault(kind, status, newBody, contentType, headers, minDelay, maxDelay, -1);
    }

    /** The same fault with another content type. */
    public Fault withContentType(String newContentType) {
        return new Fault(kind, status, body, newContentType, headers, minDelay, maxDelay, bodySize);
    }

    /** The same fault with one more response header. */
    public Fault withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fault(kind, status, body, contentType, copy, minDelay, maxDelay, bodySize);
    }

    /** What it does. */
    public Kind kind() {
        return kind;
    }

    /** The status answered, for status faults. */
    public int status() {
        return status;
    }

    String body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    Duration minDelay() {
        return minDelay;
    }

    Duration maxDelay() {
        return maxDelay;
    }

    long bodySize() {
        return bodySize;
    }

    /** Whether the message is processed (stored) before the fault shows. */
    boolean processesRequest() {
        return switch (kind) {
            case LATENCY, DROP_AFTER_PROCESSING, MALFORMED_JSON, SLOW_BODY -> true;
            case STATUS -> status >= 200 && status < 300;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> "status " + status + (headers.isEmpty() ? "" : " " + headers);
            case LATENCY -> "latency " + minDelay.toMillis() + "-" + maxDelay.toMillis() + " ms";
            case SLOW_BODY -> "slow body, " + minDelay.toMillis() + " ms pauses";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
