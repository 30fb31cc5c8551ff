package io.github.camellivedesk;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.model.event.MessageCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Deliveries an attacker (or a broken proxy) would send: each is answered within its limit and never routed, nothing
 * is logged at ERROR for it (an attacker must not be able to fill an application's error log or page its operators),
 * and the genuine delivery after it is routed as usual. The server is set up as the component documentation asks: its
 * body limit (Camel Main: camel.server.maxBodySize) no larger than the consumer's maxBodySize.
 */
class HostileDeliveriesTest extends EventsTestSupport {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final long SERVER_BODY_LIMIT = 1024 * 1024;

    private MockEndpoint events;
    private long genuine = 1000;
    private LogCapture logs;

    @Override
    long serverBodyLimit() {
        return SERVER_BODY_LIMIT;
    }

    @BeforeEach
    void consumer() throws Exception {
        // WARN, as the tests log by default: whatever the server or the consumer logs is captured to be asserted on
        logs = LogCapture.begin(Level.WARN);
        routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("livedesk:events?webhookSecret=" + SECRET).to("mock:events");
            }
        });
        events = context.getEndpoint("mock:events", MockEndpoint.class);
    }

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    /** Called once the hostile delivery was answered and the next one routed, so its handling is over. */
    private void nothingLoggedAtError() {
        assertThat(logs.lines(Level.ERROR)).as("logged at ERROR for a hostile delivery").isEmpty();
    }

    /** A genuine delivery after the hostile one is answered 200 and routed, as the only routed message. */
    private void theNextDeliveryIsRouted() throws Exception {
        long id = ++genuine;
        events.expectedMessageCount(1);
        assertThat(postSigned(customerMessage(id, "genuine")).statusCode()).isEqualTo(200);
        events.assertIsSatisfied(ANSWER_WITHIN.toMillis());
        assertThat(events.getExchanges().get(0).getMessage().getBody(MessageCreated.class).message().id())
                .isEqualTo(id);
    }

    @Test
    void aForgedSignature() throws Exception {
        String body = customerMessage(1, "pay to attacker");
        long now = Instant.now().getEpochSecond();
        Map<String, String> headers = signedHeaders(body, "forged-1", now);
        headers.put("X-Chatwoot-Signature", "sha256=" + "0".repeat(64));
        assertThat(post(PATH, body, headers).statusCode()).isEqualTo(401);
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aReplayedDeliveryId() throws Exception {
        events.expectedMessageCount(1);
        String body = customerMessage(2, "once only");
        Map<String, String> headers = signedHeaders(body, "replayed-2", Instant.now().getEpochSecond());
        assertThat(post(PATH, body, headers).statusCode()).isEqualTo(200);
        events.assertIsSatisfied(ANSWER_WITHIN.toMillis());
        events.reset();
        // the captured delivery, signature and all, sent again within the tolerance
        HttpResponse<String> replay = post(PATH, body, headers);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("seen before");
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aStaleTimestamp() throws Exception {
        String body = customerMessage(3, "from last week");
        long weekAgo = Instant.now().minus(Duration.ofDays(7)).getEpochSecond();
        // correctly signed, but with the secret of a delivery captured long ago
        assertThat(post(PATH, body, signedHeaders(body, "stale-3", weekAgo)).statusCode()).isEqualTo(401);
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aHundredMebibyteBodyIsRefusedBeforeItIsSent() throws Exception {
        long hundredMiB = 100L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) ANSWER_WITHIN.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + hundredMiB + "\r\n\r\n{\"event\":\"message_created\",\"content\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            // 64 KiB of the 100 MiB, then the answer: it must come without the rest
            out.write(new byte[64 * 1024]);
            out.flush();
            long start = System.nanoTime();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 413");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ANSWER_WITHIN);
        }
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aBodyOverTheLimitWithoutContentLengthIsRefused() throws Exception {
        // chunked: the size shows only while reading; the server's limit and the consumer's both stop at 1 MiB
        String body = customerMessage(4, "x".repeat((int) SERVER_BODY_LIMIT + 1));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(PATH)))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers
                        .ofInputStream(() -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("larger than");
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aSenderThatHangsUpMidBody() throws Exception {
        // DEBUG too: the server's handling of the hang-up is over once it logged the closed connection, at any level
        logs.close();
        logs = LogCapture.begin(Level.DEBUG);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"event\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // then closed, 990 bytes short: an orderly close, as a reset could drop the request before it is read
        }
        Awaitility.await().atMost(ANSWER_WITHIN)
                .until(() -> logs.lines().stream().anyMatch(line -> line.contains("Connection was closed")));
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void deeplyNestedJson() throws Exception {
        int depth = 200_000;
        String body = "{\"event\":\"message_created\",\"content_attributes\":" + "[".repeat(depth) + "]".repeat(depth)
                + "}";
        HttpResponse<String> answer = postSigned(body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("nested deeper than");
        theNextDeliveryIsRouted();
        nothingLoggedAtError();
    }

    @Test
    void aSlowDripBodyHoldsNoOneElseUp() throws Exception {
        String body = customerMessage(5, "drip");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            // while the drip has barely started, a genuine delivery goes through at full speed
            CompletableFuture<Void> next = CompletableFuture.runAsync(() -> assertThatCode(
                    this::theNextDeliveryIsRouted).doesNotThrowAnyException());
            next.get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
            // the rest, unsigned: answered 401 once complete, and never routed
            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 401");
        }
        assertThat(events.getReceivedCounter()).isEqualTo(1);
        nothingLoggedAtError();
    }
}
