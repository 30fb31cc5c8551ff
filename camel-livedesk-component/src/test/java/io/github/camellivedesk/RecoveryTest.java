package io.github.camellivedesk;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After LiveDesk restarts (every pooled keep-alive connection is closed by the server), the next messages go
 * through on new connections, none is sent twice, and a message sent while the service is down fails with
 * "not sent".
 */
class RecoveryTest {

    @Test
    void messagesGoThroughAfterTheServerRestarts() throws Exception {
        LiveDeskSimulator first = LiveDeskSimulator.builder().conversations(141L).build().start();
        int port = first.port();
        CamelContext context = new DefaultCamelContext();
        LiveDeskComponent livedesk = LiveDeskTestSupport.pointAt(new LiveDeskComponent(), first);
        context.addComponent("livedesk", livedesk);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("livedesk:send?conversationId=141");
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        try {
            for (int i = 0; i < 8; i++) {
                assertThat(template.request("direct:send", e -> e.getMessage().setBody("before")).getException())
                        .isNull();
            }
            // an answer completes its exchange before HttpClient hands the connection back to the pool, so the
            // connections are there soon after the last answer, not at once: wait for them, or the restart below
            // could find an empty pool and prove nothing about stale connections
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(livedesk.transport().poolStats().getAvailable())
                            .as("keep-alive connections in the pool").isPositive());
            first.close();

            Exchange whileDown = template.request("direct:send", e -> e.getMessage().setBody("while down"));
            assertThat(whileDown.getException()).isInstanceOfSatisfying(
                    io.github.camellivedesk.error.LiveDeskTransportException.class,
                    e -> assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse());

            try (LiveDeskSimulator second = LiveDeskSimulator.builder().port(port).conversations(141L).build()
                    .start()) {
                for (int i = 0; i < 8; i++) {
                    Exchange after = template.request("direct:send", e -> {
                        e.getMessage().setBody("after");
                        e.getMessage().setHeaders(Map.of());
                    });
                    assertThat(after.getException()).as("message %d after the restart", i).isNull();
                }
                assertThat(second.conversation(141L).messages()).hasSize(8);
                assertThat(second.requestCount()).as("no request was sent twice").isEqualTo(8);
            }
        } finally {
            context.stop();
            first.close();
        }
    }
}
