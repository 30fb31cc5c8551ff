package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes API answers and records each in the request log. Waits (latency, a slow body) are timers on the scheduler,
 * never a sleeping handler thread; the waiting calls are tracked, so a reset can drop them before they land.
 */
final class ResponseWriter {

    private static final System.Logger LOG = System.getLogger(ResponseWriter.class.getName());
    private static final int SLOW_CHUNKS = 8;
    /** How much of a refused request's unread rest is read before the connection closes. */
    private static final long MAX_READ_BEFORE_CLOSING = 1024 * 1024;
    private static final byte[] HUGE_CHUNK = "{\"error\":\"server exploded\"} ".repeat(300)
            .getBytes(StandardCharsets.UTF_8);

    private final RequestLog log;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;
    private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();

    ResponseWriter(RequestLog log, ScheduledExecutorService scheduler, Executor executor) {
        this.log = log;
        this.scheduler = scheduler;
        this.executor = executor;
    }

    /** Sends the whole answer now. */
    void send(ApiCall call, ApiResponse response) throws IOException {
        byte[] body = headers(call, response);
        if (body.length > 0) {
            try (OutputStream out = call.exchange.getResponseBody()) {
                out.write(body);
            }
        } else {
            call.exchange.close();
        }
    }

    /** Sends the headers now and the body in chunks, one per {@code pause}, from timers. */
    void sendSlowly(ApiCall call, ApiResponse response, Duration pause) throws IOException {
        byte[] body = headers(call, response);
        if (body.length == 0) {
            call.exchange.close();
            return;
        }
        int chunk = Math.max(1, (body.length + SLOW_CHUNKS - 1) / SLOW_CHUNKS);
        OutputStream out = call.exchange.getResponseBody();
        writeChunk(call, out, body, 0, chunk, pause);
    }

    private void writeChunk(ApiCall call, OutputStream out, byte[] body, int offset, int chunk, Duration pause) {
        try {
            int length = Math.min(chunk, body.length - offset);
            out.write(body, offset, length);
            out.flush();
            if (offset + length >= body.length) {
                out.close();
                return;
            }
            later(call, pause, () -> writeChunk(call, out, body, offset + length, chunk, pause));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Client left during a slow answer to " + call.path, e);
            call.exchange.close();
        }
    }

    /** An error status with a body of {@code size} bytes, written as fast as the client reads it. */
    void sendHuge(ApiCall call, int status, long size) throws IOException {
        call.drain();
        call.exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        log.add(call.record(status));
        call.exchange.sendResponseHeaders(status, size == 0 ? -1 : size);
        try (OutputStream out = call.exchange.getResponseBody()) {
            for (long left = size; left > 0;) {
                int n = (int) Math.min(HUGE_CHUNK.length, left);
                out.write(HUGE_CHUNK, 0, n);
                left -= n;
            }
        } catch (IOException clientGaveUp) {
            // the client may stop reading a huge error page; that is its right
            call.exchange.close();
        }
    }

    /** Closes the connection without an answer. */
    void drop(ApiCall call) {
        log.add(call.record(0));
        call.exchange.close();
    }

    /** Runs {@code task} on a handler thread after {@code delay}; until then the call holds no thread. */
    void later(ApiCall call, Duration delay, Runnable task) {
        Waiting wait = new Waiting(call);
        waiting.add(wait);
        try {
            wait.timer = scheduler.schedule(() -> {
                if (waiting.remove(wait)) {
                    try {
                        executor.execute(task);
                    } catch (RejectedExecutionException stopping) {
                        call.exchange.close();
                    }
                }
            }, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            waiting.remove(wait);
            call.exchange.close();
        }
    }

    /** Drops every call still waiting (a reset): its connection is closed and nothing of it is stored. */
    void dropWaiting() {
        for (Waiting wait : waiting) {
            if (waiting.remove(wait)) {
                ScheduledFuture<?> timer = wait.timer;
                if (timer != null) {
                    timer.cancel(false);
                }
                wait.call.exchange.close();
            }
        }
    }

    private byte[] headers(ApiCall call, ApiResponse response) throws IOException {
        if (response.headers().containsKey("Connection")) {
            // the connection closes: a short rest is read first, so that the client has finished sending and reads
            // the answer instead of a reset; a long upload is not read only to be refused
            call.drainAtMost(MAX_READ_BEFORE_CLOSING);
        } else {
            call.drain();
        }
        call.exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(call.exchange.getResponseHeaders()::set);
        log.add(call.record(response.status()));
        byte[] body = response.body();
        call.exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        return body;
    }

    private static final class Waiting {
        private final ApiCall call;
        private volatile ScheduledFuture<?> timer;

        Waiting(ApiCall call) {
            this.call = call;
        }
    }
}
