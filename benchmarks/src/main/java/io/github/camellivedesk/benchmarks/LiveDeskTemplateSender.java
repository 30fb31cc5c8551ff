package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

import io.github.camellivedesk.LiveDeskConstants;

/** (c) {@code livedesk:send} from a ProducerTemplate, many messages in flight. */
final class LiveDeskTemplateSender implements VariantSender {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final Object body;

    LiveDeskTemplateSender(Workload workload) {
        context = LiveDeskCamelContexts.create(workload);
        context.start();
        template = context.createProducerTemplate();
        endpoint = context.getEndpoint("livedesk:send");
        body = LiveDeskCamelContexts.body(workload);
    }

    @Override
    public CompletableFuture<Boolean> send() {
        return template.asyncSend(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(LiveDeskConstants.CONTENT, "attachment");
        }).thenApply(exchange -> exchange.getException() == null);
    }

    @Override
    public void close() {
        context.stop();
    }
}
