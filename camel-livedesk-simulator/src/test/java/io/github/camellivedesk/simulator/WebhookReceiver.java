package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback that keeps every delivery; it answers a set status, or holds requests. */
final class WebhookReceiver implements AutoCloseable {

    /** One POST as received: method, the headers that matter, the raw body and the body read by Jackson. */
    record Received(String method, String contentType, String deliveryId, String timestamp, String signature,
            String rawBody, Map<String, Object> json) {

        String event() {
            return (String) json.get("event");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile boolean hold;
    /** Counted down when a held request arrived. */
    final CountDownLatch holding = new CountDownLatch(1);
    /** Lets held requests go. */
    final CountDownLatch release = new CountDownLatch(1);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    WebhookReceiver answering(int statusCode) {
        this.status = statusCode;
        return this;
    }

    WebhookReceiver holdingRequests() {
        this.hold = true;
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> events() {
        return received.stream().map(Received::event).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        received.add(new Received(exchange.getRequestMethod(), headers.getFirst("Content-Type"),
                headers.getFirst("X-Chatwoot-Delivery"), headers.getFirst("X-Chatwoot-Timestamp"),
                headers.getFirst("X-Chatwoot-Signature"), body,
                Api.parse(body, new TypeReference<Map<String, Object>>() {
                })));
        if (hold) {
            holding.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
