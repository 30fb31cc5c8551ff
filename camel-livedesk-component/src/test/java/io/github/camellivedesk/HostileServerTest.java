package io.github.camellivedesk;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskResponseException;
import io.github.camellivedesk.error.LiveDeskTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hostile or broken server can fail the message it answers, and nothing more: an endless header line, endless
 * headers, an endless body or bytes beyond the announced Content-Length are cut at a bound with a typed exception
 * that names the limit, and the next message of the same component goes through (the I/O reactor survives).
 */
class HostileServerTest extends LiveDeskTestSupport {

    private static final long ENDLESS = Long.MAX_VALUE;
    private static final String MESSAGE_JSON = "{\"id\":9,\"content\":\"hostile\",\"conversation_id\":141,\"status\":\"sent\"}";

    @Test
    void anEndlessHeaderLineFailsThatMessageOnly() throws Exception {
        try (HostileServer server = new HostileServer(out -> {
            HostileServer.ascii(out, "HTTP/1.1 200 OK\r\nX-Endless: ");
            HostileServer.repeat(out, "a", ENDLESS);
        })) {
            assertFailsWithALimitAndTheNextMessageGoesThrough(server);
        }
    }

    @Test
    void endlessHeaderLinesFailThatMessageOnly() throws Exception {
        try (HostileServer server = new HostileServer(out -> {
            HostileServer.ascii(out, "HTTP/1.1 200 OK\r\n");
            HostileServer.repeat(out, "X-Many: header\r\n", ENDLESS);
        })) {
            assertFailsWithALimitAndTheNextMessageGoesThrough(server);
        }
    }

    @Test
    void anEndlessBodyFailsThatMessageOnly() throws Exception {
        try (HostileServer server = new HostileServer(out -> {
            HostileServer.ascii(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            HostileServer.repeat(out, "2000\r\n" + "x".repeat(0x2000) + "\r\n", ENDLESS);
        })) {
            assertFailsWithALimitAndTheNextMessageGoesThrough(server);
        }
    }

    @Test
    void bytesBeyondTheContentLengthCannotExhaustTheClient() throws Exception {
        try (HostileServer server = new HostileServer(out -> {
            HostileServer.ascii(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + MESSAGE_JSON.length() + "\r\n\r\n" + MESSAGE_JSON);
            out.flush();
            // the connection goes back to the pool; what follows would be read as the head of the next answer
            HostileServer.repeat(out, "b", ENDLESS);
        })) {
            send("livedesk:send?conversationId=141&baseUrl=" + server.baseUrl(), "to a hostile server");

            // the client hangs up on the garbage at its line limit instead of buffering it
            await().atMost(30, TimeUnit.SECONDS).until(() -> server.hangUps() == 1);
            Exchange next = send("livedesk:send?conversationId=141", "the next message");
            assertThat(next.getException()).isNull();
            assertThat(simulator().conversation(141L).messages()).extracting(m -> m.content())
                    .containsExactly("the next message");
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        try (HostileServer server = new HostileServer(out -> HostileServer.ascii(out,
                "HTTP/1.1 307 Temporary Redirect\r\n"
                        + "Location: " + LIVEDESK.baseUrl()
                        + "/api/v2/accounts/conversations/141/messages\r\nContent-Length: 0\r\n\r\n"))) {
            Exchange redirected = send("livedesk:send?conversationId=141&baseUrl=" + server.baseUrl(), "to a redirect");

            assertThat(redirected.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class,
                    e -> assertThat(e.getStatusCode()).isEqualTo(307));
            assertThat(simulator().requestCount()).as("requests that followed the redirect").isZero();
        }
    }

    @Test
    void aCompressedBodyIsNotInflated() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros); // 64 MiB of zeros in about 64 KiB
            }
        }
        byte[] bomb = compressed.toByteArray();
        try (HostileServer server = new HostileServer(out -> {
            HostileServer.ascii(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                    + "Content-Length: " + bomb.length + "\r\n\r\n");
            out.write(bomb);
        })) {
            Exchange exchange = send("livedesk:send?conversationId=141&baseUrl=" + server.baseUrl(), "to a gzip bomb");

            // the compressed bytes are read as they are (under the body limit) and are not a message
            assertThat(exchange.getException()).isInstanceOf(LiveDeskResponseException.class);
        }
    }

    private void assertFailsWithALimitAndTheNextMessageGoesThrough(HostileServer server) throws Exception {
        Exchange hostile = send("livedesk:send?conversationId=141&requestTimeout=20s&baseUrl=" + server.baseUrl(),
                "to a hostile server");

        assertThat(hostile.getException()).isInstanceOf(LiveDeskException.class)
                .isNotInstanceOf(LiveDeskTimeoutException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("limit"));
        assertThat(server.requests()).isEqualTo(1);

        List<Exchange> next = List.of(send("livedesk:send?conversationId=141", "the next message"),
                send("livedesk:send?conversationId=141", "and the one after"));
        assertThat(next).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(simulator().conversation(141L).messages()).extracting(m -> m.content())
                .containsExactly("the next message", "and the one after");
    }

}
