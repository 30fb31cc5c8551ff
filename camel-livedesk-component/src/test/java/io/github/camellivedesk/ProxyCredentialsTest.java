package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy password is as secret as the API secret: with every logger at TRACE (HttpClient's header log prints
 * request headers at DEBUG), neither it nor the {@code Proxy-Authorization} value built from it shows in the log.
 */
class ProxyCredentialsTest extends LiveDeskTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "pr0xy-s3cret";

    @Test
    void theProxyPasswordNeverReachesTheLog() throws Exception {
        AtomicInteger authenticated = new AtomicInteger();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            if (!basic(PROXY_USER, PROXY_PASSWORD).equals(credentials)) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
                answer(exchange, 407, "{\"error\":\"proxy authentication required\"}");
                return;
            }
            authenticated.incrementAndGet();
            forward(exchange);
        });
        proxy.start();
        List<String> logs;
        try (LogCapture capture = LogCapture.begin()) {
            LiveDeskComponent viaProxy = new LiveDeskComponent();
            configure(viaProxy);
            viaProxy.setProxyHost("127.0.0.1");
            viaProxy.setProxyPort(proxy.getAddress().getPort());
            viaProxy.setProxyUsername(PROXY_USER);
            viaProxy.setProxyPassword(PROXY_PASSWORD);
            context.addComponent("livedesk-proxy", viaProxy);

            Exchange first = send("livedesk-proxy:send?conversationId=141", "through the proxy");
            Exchange second = send("livedesk-proxy:send?conversationId=141", "again through the proxy");

            assertThat(first.getException()).isNull();
            assertThat(second.getException()).isNull();
            logs = capture.lines();
        } finally {
            proxy.stop(0);
        }
        assertThat(authenticated).as("requests the proxy let through").hasValue(2);
        assertThat(logs).as("HttpClient's header log is captured")
                .anySatisfy(line -> assertThat(line).startsWith("org.apache.hc.client5.http.headers"));
        String encoded = basic(PROXY_USER, PROXY_PASSWORD).substring("Basic ".length());
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(PROXY_PASSWORD).doesNotContain(encoded));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Forwards an absolute-URI request to the simulator, as an HTTP proxy does. */
    private static void forward(HttpExchange exchange) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(exchange.getRequestURI().toString()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        for (String header : new String[] { "Authorization", "Content-Type" }) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "{\"error\":\"interrupted\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
