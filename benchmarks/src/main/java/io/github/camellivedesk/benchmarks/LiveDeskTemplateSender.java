package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import io.github.camellivedesk.LiveDeskConstants;

/**
 * (c) {@code livedesk:send} from a ProducerTemplate that sends on the caller's thread, or (c') with the template's
 * default thread pool; many messages in flight.
 */
final class LiveDeskTemplateSender implements VariantSender {

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint endpoint;
    private final Object body;
    private final int conversations;
    private long sent;

    LiveDeskTemplateSender(Workload workload, boolean sendOnCallerThread) {
        context = LiveDeskCamelContexts.create(workload);
        context.start();
        template = context.createProducerTemplate();
        // asyncSend hands each exchange to a thread pool by default; livedesk: never blocks the sending thread, so
        // that hop only costs CPU, which (c') measures. The README tells users to do the same.
        if (sendOnCallerThread) {
            template.setExecutorService(new SynchronousExecutorService());
        }
        endpoint = context.getEndpoint("livedesk:send");
        body = LiveDeskCamelContexts.body(workload);
        conversations = workload.conversations();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        // one sending thread: a plain counter spreads the messages round-robin
        Long conversation = conversations > 1 ? Workload.FIRST_CONVERSATION + sent++ % conversations : null;
        return template.asyncSend(endpoint, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(LiveDeskConstants.CONTENT, "attachment");
            if (conversation != null) {
                exchange.getMessage().setHeader(LiveDeskConstants.CONVERSATION_ID, conversation.toString());
            }
        }).thenApply(exchange -> exchange.getException() == null);
    }

    @Override
    public void close() {
        context.stop();
    }
}
