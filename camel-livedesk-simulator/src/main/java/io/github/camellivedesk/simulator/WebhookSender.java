package io.github.camellivedesk.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs webhook payloads as Chatwoot does: one thread, so deliveries leave in the order of the events and never hold an
 * API answer; 5 s timeout, no retry; each delivery logged.
 */
final class WebhookSender implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());

    private final URI url;
    private final String secret;
    private final int logSize;
    private final ChangeFeed changes;
    private final HttpClient http;
    private final ExecutorService thread;
    private final Deque<WebhookDelivery> log = new ArrayDeque<>();
    // a reset forgets what is still queued: a test's deliveries never land in the next test's log
    private final AtomicLong generation = new AtomicLong();

    WebhookSender(String url, String secret, int logSize, ChangeFeed changes) {
        this.url = URI.create(url);
        this.secret = secret;
        this.logSize = logSize;
        this.changes = changes;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "livedesk-simulator-webhooks");
            daemon.setDaemon(true);
            return daemon;
        });
        // HTTP/1.1: an h2c upgrade offer would surprise plain receivers; the executor keeps its threads daemons too
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    /** Queues a delivery of this payload, serialised now. */
    void send(String event, Map<String, Object> payload) {
        String body = JsonWriter.write(payload);
        long queuedIn = generation.get();
        try {
            thread.execute(() -> {
                if (generation.get() == queuedIn) {
                    deliver(event, body, queuedIn);
                }
            });
        } catch (RejectedExecutionException closed) {
            // the simulator is closing: what happens now is not delivered
        }
    }

    private void deliver(String event, String body, long queuedIn) {
        String id = UUID.randomUUID().toString();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Chatwoot-Delivery", id)
                .header("X-Chatwoot-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header("X-Chatwoot-Signature", "sha256=" + signature(secret, timestamp, body));
        }
        Instant sentAt = Instant.now();
        long start = System.nanoTime();
        int status = 0;
        String error = null;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            error = "timed out after " + TIMEOUT.toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        WebhookDelivery delivery = new WebhookDelivery(id, event, sentAt, status, error,
                Duration.ofNanos(System.nanoTime() - start));
        LOG.log(System.Logger.Level.DEBUG, () -> "Webhook " + event + " to " + redact(url.toString()) + ": "
                + (delivery.error() == null ? delivery.statusCode() : delivery.error()));
        synchronized (log) {
            if (generation.get() == queuedIn) {
                log.addLast(delivery);
                while (log.size() > logSize) {
                    log.removeFirst();
                }
            }
        }
        changes.changed();
    }

    /** Lower-case hex HMAC-SHA256 of {@code "{timestamp}.{body}"}, Chatwoot's recipe. */
    static String signature(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    List<WebhookDelivery> deliveries() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void clear() {
        synchronized (log) {
            generation.incrementAndGet();
            log.clear();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Validates a webhook URL: absolute http or https. */
    static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook URL is not a URI: " + url, e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("webhook URL must be an absolute http or https URL, got " + url);
        }
    }

    /** The URL without its query, user info or fragment: a secret token carried in the URL stays out of logs. */
    static String redact(String url) {
        if (url == null) {
            return "none";
        }
        URI uri = URI.create(url);
        String shown = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return uri.getRawQuery() == null && uri.getRawUserInfo() == null ? shown : shown + " (query and user hidden)";
    }
}
