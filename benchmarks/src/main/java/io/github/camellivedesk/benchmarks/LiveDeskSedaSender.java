package io.github.camellivedesk.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.LiveDeskConstants;

/** (d) A route that reads a SEDA queue with concurrent consumers into {@code livedesk:send}. */
final class LiveDeskSedaSender implements VariantSender {

    private static final String ID = "benchId";

    private final CamelContext context;
    private final ProducerTemplate template;
    private final Object body;
    private final Map<Long, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    LiveDeskSedaSender(Workload workload) throws Exception {
        context = LiveDeskCamelContexts.create(workload);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true)
                        .process(e -> done(e.getMessage().getHeader(ID, Long.class), false));
                from("seda:outbox?concurrentConsumers=" + workload.scenario().threads() + "&size=100000")
                        .setHeader(LiveDeskConstants.CONTENT, constant("attachment"))
                        .to("livedesk:send")
                        .process(e -> done(e.getMessage().getHeader(ID, Long.class), true));
            }
        });
        context.start();
        template = context.createProducerTemplate();
        body = LiveDeskCamelContexts.body(workload);
    }

    private void done(Long id, boolean ok) {
        CompletableFuture<Boolean> future = id == null ? null : pending.remove(id);
        if (future != null) {
            future.complete(ok);
        }
    }

    @Override
    public CompletableFuture<Boolean> send() {
        long id = ids.incrementAndGet();
        CompletableFuture<Boolean> future = new CompletableFuture<>();
        pending.put(id, future);
        template.sendBodyAndHeader("seda:outbox", body, ID, id);
        return future;
    }

    @Override
    public void close() {
        context.stop();
    }
}
