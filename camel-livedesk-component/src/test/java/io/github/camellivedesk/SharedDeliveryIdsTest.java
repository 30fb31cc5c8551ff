package io.github.camellivedesk;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application behind one webhook URL (two CamelContexts, each with its own HTTP server) share
 * Camel's JDBC repository of delivery ids on one database: a delivery posted to both, even at the same moment, is
 * routed once and acknowledged by both.
 */
class SharedDeliveryIdsTest extends EventsTestSupport {

    @Test
    void aDeliveryPostedToTwoInstancesIsRoutedOnce() throws Exception {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:deliveries;DB_CLOSE_DELAY=-1");
        AtomicInteger routed = new AtomicInteger();
        int secondPort = freePort();
        CamelContext second = camel(secondPort, 0);
        try {
            for (CamelContext instance : List.of(context, second)) {
                instance.getRegistry().bind("deliveries", new JdbcMessageIdRepository(database, "livedesk-events"));
                instance.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("livedesk:events?webhookSecret=" + SECRET + "&idempotentRepository=#deliveries")
                                .process(exchange -> routed.incrementAndGet());
                    }
                });
            }
            int deliveries = 20;
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                String body = customerMessage(100 + i, "to both");
                Map<String, String> headers = signedHeaders(body, "shared-" + i, Instant.now().getEpochSecond());
                // the same delivery to both instances at once, as a load balancer that retried would
                answers.add(CompletableFuture.supplyAsync(() -> postUnchecked(port, body, headers)));
                answers.add(CompletableFuture.supplyAsync(() -> postUnchecked(secondPort, body, headers)));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
            // every answer came after its route completed, so the count is final here
            assertThat(routed).hasValue(deliveries);
            assertThat(answers.stream().map(answer -> answer.join().body()))
                    .filteredOn(body -> body.contains("seen before")).hasSize(deliveries);
        } finally {
            second.stop();
        }
    }

    private static HttpResponse<String> postUnchecked(int port, String body, Map<String, String> headers) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + PATH))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
