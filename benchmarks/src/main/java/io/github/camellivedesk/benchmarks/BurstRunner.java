package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import io.github.camellivedesk.LiveDeskConstants;

/**
 * Runs one burst in this JVM (the harness starts one JVM per mode): every message handed to {@code livedesk:send}
 * at once, round-robin over the conversations, message {@code i} of a conversation with the text
 * {@code burst <conversation> <i>}; waits until every exchange completed and prints a {@link BurstScenario} line.
 */
public final class BurstRunner {

    static final String PREFIX = "BURST ";

    private BurstRunner() {
    }

    /** Arguments: base URL, API key, API secret, messages, conversations, component options or {@code -}. */
    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args[3]);
        int conversations = Integer.parseInt(args[4]);
        Workload workload = new Workload(new Scenario("burst", messages, 1, 0, 0), args[0], args[1], args[2], 0, 0,
                messages, null, conversations, args[5].equals("-") ? "" : args[5]);
        CamelContext context = LiveDeskCamelContexts.create(workload);
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.setExecutorService(new SynchronousExecutorService());
            Endpoint endpoint = context.getEndpoint("livedesk:send");
            AtomicLong failed = new AtomicLong();
            CountDownLatch done = new CountDownLatch(messages);
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long conversation = Workload.FIRST_CONVERSATION + i % conversations;
                String text = "burst " + conversation + " " + i / conversations;
                template.asyncSend(endpoint, exchange -> {
                    exchange.getMessage().setBody(text);
                    exchange.getMessage().setHeader(LiveDeskConstants.CONVERSATION_ID, Long.toString(conversation));
                }).whenComplete((exchange, error) -> {
                    if (error != null || exchange.getException() != null) {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            boolean finished = done.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(PREFIX + seconds + " " + failed.get() + " " + finished);
        } finally {
            context.stop();
        }
        System.exit(0);
    }
}
