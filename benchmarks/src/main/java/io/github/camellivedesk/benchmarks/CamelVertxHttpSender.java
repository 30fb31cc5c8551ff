package io.github.camellivedesk.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.vertx.ext.web.client.WebClientOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.http.VertxHttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

/**
 * (f) The strongest alternative a user could wire by hand: the same route as (b), but with Camel's own non-blocking
 * HTTP component, so a ProducerTemplate keeps many messages in flight as (c) does. Tuned as a careful user would:
 * a connection pool as large as the messages in flight, keep-alive, no Nagle delay.
 */
final class CamelVertxHttpSender implements VariantSender {

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint endpoint;

    CamelVertxHttpSender(Workload workload) throws Exception {
        if (workload.attachment() != null) {
            throw new IllegalArgumentException("the camel-vertx-http variant sends text messages only");
        }
        VertxHttpComponent vertxHttp = new VertxHttpComponent();
        vertxHttp.setWebClientOptions(new WebClientOptions().setMaxPoolSize(workload.scenario().inFlight())
                .setKeepAlive(true).setTcpNoDelay(true));
        context.addComponent("vertx-http", vertxHttp);
        String target = "vertx-http:" + workload.messagesUrl() + "?httpMethod=POST";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text")
                        .setHeader("Authorization", constant(workload.authorization()))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .marshal().json(JsonLibrary.Jackson)
                        .to(target)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
            }
        });
        context.start();
        template = context.createProducerTemplate();
        // as for (c): the route never blocks the sending thread, so asyncSend sends on the caller's thread
        template.setExecutorService(new SynchronousExecutorService());
        endpoint = context.getEndpoint("direct:text");
    }

    @Override
    public CompletableFuture<Boolean> send() {
        return template.asyncSend(endpoint, exchange -> exchange.getMessage()
                .setBody(Map.of("content", Workload.CONTENT, "private", false)))
                .thenApply(exchange -> exchange.getException() == null);
    }

    @Override
    public void close() {
        context.stop();
    }
}
