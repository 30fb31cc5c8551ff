package io.github.camellivedesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * A CamelContext per test with a platform-http server on a free loopback port, as Camel Main runs one, and a
 * simulator whose API channel delivers its webhook events, signed with {@link #SECRET}, to {@code /livedesk/events} on
 * that port. Tests add their {@code from("livedesk:events...")} routes, make the simulator act, or post by hand.
 */
abstract class EventsTestSupport {

    static final String SECRET = "whsec-test-0123456789";
    static final String PATH = "/livedesk/events";

    static int port;
    static LiveDeskSimulator simulator;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    protected CamelContext context;

    @BeforeAll
    static void startSimulator() throws IOException {
        port = freePort();
        simulator = LiveDeskSimulator.builder().conversations(141L, 142L).webhook(url(PATH), SECRET).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void startCamel() throws Exception {
        simulator.reset();
        context = camel(port, serverBodyLimit());
    }

    /** The HTTP server's own body limit in bytes (Camel Main: camel.server.maxBodySize); 0 for none. */
    long serverBodyLimit() {
        return 0;
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** A started CamelContext with a platform-http server on this port and a livedesk component for the simulator. */
    static CamelContext camel(int port, long serverBodyLimit) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        if (serverBodyLimit > 0) {
            server.setMaxBodySize(serverBodyLimit);
        }
        camel.addService(new VertxPlatformHttpServer(server));
        camel.addComponent("livedesk", LiveDeskTestSupport.pointAt(new LiveDeskComponent(), simulator));
        camel.start();
        return camel;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String url(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    void routes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    /** Posts a body signed with {@link #SECRET} now, as LiveDesk would, with a new delivery id. */
    static HttpResponse<String> postSigned(String body) throws Exception {
        return post(PATH, body, signedHeaders(body, UUID.randomUUID().toString(), Instant.now().getEpochSecond()));
    }

    static Map<String, String> signedHeaders(String body, String deliveryId, long timestamp) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Chatwoot-Delivery", deliveryId);
        headers.put("X-Chatwoot-Timestamp", Long.toString(timestamp));
        headers.put("X-Chatwoot-Signature", "sha256=" + sign(SECRET, timestamp + "." + body));
        return headers;
    }

    static HttpResponse<String> post(String pathAndQuery, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A customer's message in conversation 141, as Chatwoot's message_created carries it. */
    static String customerMessage(long id, String content) {
        return "{\"event\":\"message_created\",\"id\":" + id + ",\"content\":\"" + content + "\","
                + "\"message_type\":\"incoming\",\"status\":\"sent\",\"private\":false,"
                + "\"conversation\":{\"id\":141,\"status\":\"open\"},\"inbox\":{\"id\":1}}";
    }
}
