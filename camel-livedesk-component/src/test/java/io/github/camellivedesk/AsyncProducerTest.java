package io.github.camellivedesk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

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
        // the server holds every answer until the test lets them go, so "no answer has come yet" is a fact, not a
        // bet on how fast a busy machine opens 32 connections
        try (StubLiveDesk stub = StubLiveDesk.answering(200, StubLiveDesk.DOCUMENTED_ANSWER).holdingAnswers()) {
            // one conversation: only without its order (and its pacing, off below) may all 32 go at once
            String start = route("livedesk:send?conversationId=141&preserveOrder=false&baseUrl=" + stub.baseUrl());
            List<CompletableFuture<Exchange>> futures = new ArrayList<>();

            for (int i = 0; i < 32; i++) {
                int n = i;
                futures.add(template.asyncSend(start, e -> e.getMessage().setBody("message " + n)));
            }

            // all 32 hold a connection and reached the server at the same time: one caller thread, no blocking
            LiveDeskComponent component = context.getComponent("livedesk", LiveDeskComponent.class);
            await().atMost(30, TimeUnit.SECONDS).until(() -> component.transport().poolStats().getLeased() == 32);
            await().atMost(30, TimeUnit.SECONDS).until(() -> stub.requests() == 32);
            assertThat(futures).noneMatch(CompletableFuture::isDone);
            stub.releaseAnswers();
            for (CompletableFuture<Exchange> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS).getException()).isNull();
            }
            assertThat(stub.requests()).as("each message sent once").isEqualTo(32);
        }
    }

    @Test
    void routeContinuesOnTheIoThreadOrOnWorkers() throws Exception {
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StubLiveDesk io = StubLiveDesk.answering(200, StubLiveDesk.DOCUMENTED_ANSWER).holdingAnswers();
                StubLiveDesk workers = StubLiveDesk.answering(200, StubLiveDesk.DOCUMENTED_ANSWER).holdingAnswers()) {
            context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:io").to("livedesk:send?conversationId=141&baseUrl=" + io.baseUrl())
                            .process(e -> threads.add(Thread.currentThread().getName()));
                    from("direct:workers")
                            .to("livedesk:send?conversationId=141&continueOnIoThread=false&baseUrl="
                                    + workers.baseUrl())
                            .process(e -> threads.add(Thread.currentThread().getName()));
                }
            });

            // the answer must arrive after the send returned, or the continuation runs on the caller's thread: the
            // server holds it until the send, made from this thread, has returned
            assertThat(sendThenAnswer("direct:io", io).getException()).isNull();
            assertThat(sendThenAnswer("direct:workers", workers).getException()).isNull();
        }

        assertThat(threads.get(0)).startsWith("Camel (").contains("LiveDeskIO");
        assertThat(threads.get(1)).startsWith("Camel (").contains("LiveDeskWorker");
    }

    private Exchange sendThenAnswer(String uri, StubLiveDesk server) throws Exception {
        org.apache.camel.AsyncProducer direct = context.getEndpoint(uri).createAsyncProducer();
        direct.start();
        try {
            Exchange exchange = context.getEndpoint(uri).createExchange();
            exchange.getMessage().setBody("on " + uri);
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            assertThat(direct.process(exchange, sync -> done.complete(exchange))).as("completed while sending")
                    .isFalse();
            assertThat(server.awaitRequest()).as("the request reached the server").isTrue();
            server.releaseAnswers();
            return done.get(30, TimeUnit.SECONDS);
        } finally {
            direct.stop();
        }
    }

    @Test
    void callbackCompletesExactlyOnceOnEveryPath() throws Exception {
        // a latency far past the request timeout: the timeout path cannot turn into an answer on a slow machine,
        // and the other paths keep the default timeout, so none of them becomes a timeout either
        Producer producer = context.getEndpoint("livedesk:send?conversationId=141").createProducer();
        Producer impatient = context.getEndpoint("livedesk:send?conversationId=141&requestTimeout=400ms")
                .createProducer();
        producer.start();
        impatient.start();
        AsyncProcessor processor = AsyncProcessorConverterHelper.convert(producer);
        List<Completion> completions = new ArrayList<>();
        try {
            List<Fault> faults = List.of(Fault.status(500), Fault.malformedJson(), Fault.dropBeforeRead(),
                    Fault.dropAfterRead(), Fault.latency(Duration.ofMinutes(2)), Fault.emptyBody(200),
                    Fault.status(401));
            for (Fault fault : faults) {
                simulator().faults().inject(fault).forNext(1);
                AsyncProcessor path = fault instanceof Fault.Latency ? AsyncProcessorConverterHelper.convert(impatient)
                        : processor;
                completions.add(assertCompletes(path, "payload under " + fault, true));
            }
            completions.add(assertCompletes(processor, "fine", false));
            completions.add(assertCompletes(processor, "", true));
        } finally {
            producer.stop();
            impatient.stop();
        }
        // once the component and its HttpClient are stopped, nothing is left that could call a callback again
        context.getComponent("livedesk").stop();
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> assertThat(clientThreads()).isEmpty());
        for (Completion completion : completions) {
            assertThat(completion.calls().get()).as("callback calls for %s", completion.body()).isEqualTo(1);
        }
    }

    private record Completion(String body, AtomicInteger calls) {
    }

    private Completion assertCompletes(AsyncProcessor processor, String body, boolean expectFailure) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AsyncCallback callback = doneSync -> {
            calls.incrementAndGet();
            done.complete(null);
        };
        processor.process(exchange, callback);
        done.get(30, TimeUnit.SECONDS);
        assertThat(exchange.getException() != null).as("failed: %s", exchange.getException()).isEqualTo(expectFailure);
        return new Completion(body, calls);
    }

    private static Set<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("httpclient-") || name.contains("LiveDeskScheduler")
                        || name.contains("LiveDeskWorker"))
                .collect(Collectors.toSet());
    }
}
