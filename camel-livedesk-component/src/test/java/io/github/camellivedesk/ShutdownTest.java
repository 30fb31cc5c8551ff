package io.github.camellivedesk;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping Camel completes every exchange the component holds, each with an exception that says truthfully whether
 * the message may have reached LiveDesk: nothing is left waiting for a callback that never comes.
 */
class ShutdownTest extends LiveDeskTestSupport {

    @Test
    void stoppingDuringARateLimitWaitCompletesTheExchange() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] body = "{\"error\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", "30");
            exchange.sendResponseHeaders(429, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            requests.incrementAndGet();
        });
        server.start();
        try {
            Endpoint endpoint = context
                    .getEndpoint("livedesk:send?conversationId=141&rateLimitMaxWait=60s&baseUrl=http://127.0.0.1:"
                            + server.getAddress().getPort());
            Exchange exchange = endpoint.createExchange();
            exchange.getMessage().setBody("waits out a 429");
            CountDownLatch done = new CountDownLatch(1);
            AsyncProducer producer = endpoint.createAsyncProducer();
            ServiceHelper.startService(producer);
            producer.process(exchange, doneSync -> done.countDown());

            // the 429 was answered and the component waits the 30 s it asks for
            LiveDeskComponent component = context.getComponent("livedesk", LiveDeskComponent.class);
            await().atMost(30, TimeUnit.SECONDS).until(() -> component.dispatcher().resendsWaiting() == 1);
            assertThat(requests).hasValue(1);
            assertThat(done.getCount()).as("still waiting out the 429").isOne();

            context.stop();

            assertThat(done.await(30, TimeUnit.SECONDS)).as("the exchange was completed").isTrue();
            assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskException.class,
                    e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).as("LiveDesk did not process it").isFalse());
            assertThat(requests).hasValue(1);
        } finally {
            server.stop(0);
        }
    }
}
