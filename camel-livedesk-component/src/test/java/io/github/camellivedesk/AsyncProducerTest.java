package io.github.camellivedesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.simulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The producer never blocks the caller and completes each callback exactly once, on every path. */
class AsyncProducerTest extends LiveDeskTestSupport {

    @Override
    protected void configure(LiveDeskComponent component) {
        super.configure(component);
        component.setConversationRateLimitPerMinute(0);
    }

    @Test
    void manyMessagesInFlightFromOneThread() throws Exception {
        // the latency leaves a slow CI machine seconds to open 32 connections before the first answer
        simulator().faults().inject(Fault.latency(Duration.ofSeconds(5))).always();
        // one conversation: only without its order (and its pacing, off below) may all 32 go at once
        String start = route("livedesk:send?conversationId=141&preserveOrder=false");
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();

        for (int i = 0; i < 32; i++) {
            int n = i;
            futures.add(template.asyncSend(start, e -> e.getMessage().setBody("message " + n)));
        }

        // all 32 hold a connection at the same time while no answer has come: one caller thread, no blocking
        LiveDeskComponent component = context.getComponent("livedesk", LiveDeskComponent.class);
        await().atMost(4500, TimeUnit.MILLISECONDS).until(() -> component.transport().poolStats().getLeased() == 32);
        assertThat(futures).noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<Exchange> future : futures) {
            assertThat(future.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator().conversation(141L).messages()).hasSize(32);
    }

    @Test
    void routeContinuesOnTheIoThreadOrOnWorkers() throws Exception {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("direct:io").to("livedesk:send?conversationId=141")
                        .process(e -> threads.add(Thread.currentThread().getName()));
                from("direct:workers").to("livedesk:send?conversationId=141&continueOnIoThread=false")
                        .process(e -> threads.add(Thread.currentThread().getName()));
            }
        });

        // the answer must arrive after the send returned, or the continuation runs on the caller's thread
        simulator().faults().inject(Fault.latency(Duration.ofMillis(300))).always();
        template.requestBody("direct:io", "on the I/O thread");
        template.requestBody("direct:workers", "on a worker");

        assertThat(threads.get(0)).startsWith("Camel (").contains("LiveDeskIO");
        assertThat(threads.get(1)).startsWith("Camel (").contains("LiveDeskWorker");
    }

    @Test
    void callbackCompletesExactlyOnceOnEveryPath() throws Exception {
        Producer producer = context.getEndpoint("livedesk:send?conversationId=141&requestTimeout=400ms").createProducer();
        producer.start();
        AsyncProcessor processor = AsyncProcessorConverterHelper.convert(producer);
        try {
            List<Fault> faults = List.of(Fault.status(500), Fault.malformedJson(), Fault.dropBeforeRead(),
                    Fault.dropAfterRead(), Fault.latency(Duration.ofSeconds(2)), Fault.emptyBody(200), Fault.status(401));
            for (Fault fault : faults) {
                simulator().faults().inject(fault).forNext(1);
                assertCompletesOnce(processor, "payload", true);
            }
            assertCompletesOnce(processor, "fine", false);
            assertCompletesOnce(processor, "", true);
        } finally {
            producer.stop();
        }
    }

    private void assertCompletesOnce(AsyncProcessor processor, String body, boolean expectFailure) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsyncCallback callback = doneSync -> {
            calls.incrementAndGet();
            done.complete(null);
        };
        processor.process(exchange, callback);
        done.get(10, TimeUnit.SECONDS);
        Thread.sleep(50);
        assertThat(calls.get()).as("callback calls for %s", body).isEqualTo(1);
        assertThat(exchange.getException() != null).as("failed: %s", exchange.getException()).isEqualTo(expectFailure);
    }
}
