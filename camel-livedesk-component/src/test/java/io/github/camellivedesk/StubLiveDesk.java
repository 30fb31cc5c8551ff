package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server that gives every request one fixed answer, for answers the simulator does not give (a 201,
 * LiveDesk's documented failure without {@code conversation_id}) and for holding an answer back until a test lets
 * it go.
 */
final class StubLiveDesk implements AutoCloseable {

    static final String DOCUMENTED_ANSWER = "{\"id\":3030,\"content\":\"Agent sending message, is it normal?\","
            + "\"inbox_id\":79,\"conversation_id\":141,\"message_type\":1,"
            + "\"content_type\":\"text\",\"status\":\"sent\",\"content_attributes\":{},"
            + "\"created_at\":1762331029,\"private\":false}";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int status;
    private final byte[] body;
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean holding;

    private StubLiveDesk(int status, String body) throws IOException {
        this.status = status;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            requests.incrementAndGet();
            arrived.countDown();
            if (holding) {
                try {
                    // a test that forgot to release its answers still ends
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(this.status, this.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(this.body);
            }
        });
        server.start();
    }

    static StubLiveDesk answering(int status, String body) throws IOException {
        return new StubLiveDesk(status, body);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Holds every answer until {@link #releaseAnswers()}. */
    StubLiveDesk holdingAnswers() {
        holding = true;
        return this;
    }

    void releaseAnswers() {
        released.countDown();
    }

    boolean awaitRequest() throws InterruptedException {
        return arrived.await(30, TimeUnit.SECONDS);
    }

    /** Requests whose body was read, answered or held. */
    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
