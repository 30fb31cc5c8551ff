package io.github.camellivedesk.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.concurrent.SynchronousExecutorService;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.LiveDeskConstants;

/**
 * Runs one mode of the customers scenario in this JVM (the harness starts one JVM per mode): rounds of messages, each
 * message {@code i} of a round to customer {@code i % customers} with the text {@code order <customer> <n>}, where n
 * counts that customer's messages. A fixed number of consumers share the customers as JMS message groups would: a
 * customer belongs to consumer {@code customer % consumers}, which hands that customer's messages to
 * {@code livedesk:send} one after the other, without waiting for the answers. So each customer's messages reach the
 * producer in sequence, and whatever order LiveDesk stores them in is the component's doing.
 * <p>
 * Warm-up rounds first (other customers, the same conversations), then timed rounds, again with new customers each. A round of 1,000 messages takes a fraction of a second, so one scheduler hiccup on a shared
 * machine would be the figure: the time reported is the median of the timed rounds. Before the last of them the runner
 * prints {@value #WARMED} and waits for a line on stdin, so that the harness can clear the simulator and count what
 * that round did.
 */
public final class CustomersRunner {

    static final String PREFIX = "CUSTOMERS ";
    static final String WARMED = "WARMED";
    /** A mode: messages addressed by the customer's phone number and the inbox. */
    static final String BY_CUSTOMER = "customer";
    /** A mode: the same messages addressed by the id of a conversation that exists. */
    static final String BY_CONVERSATION = "conversation";

    private CustomersRunner() {
    }

    /**
     * Arguments: base URL, API key, API secret, mode, messages, customers, consumers, warm-up rounds, timed rounds,
     * inbox id, component options.
     */
    public static void main(String[] args) throws Exception {
        String mode = args[3];
        int messages = Integer.parseInt(args[4]);
        int customers = Integer.parseInt(args[5]);
        int consumers = Integer.parseInt(args[6]);
        int warmupRounds = Integer.parseInt(args[7]);
        int timedRounds = Integer.parseInt(args[8]);
        long inbox = Long.parseLong(args[9]);
        Workload workload = new Workload(new Scenario("customers", 64, consumers, 0, 0), args[0], args[1], args[2], 0,
                0, messages, null, 1, args[10]);
        CamelContext context = LiveDeskCamelContexts.create(workload);
        // the contexts of the other scenarios send to conversation 141 by default; a conversation id wins over the
        // customer headers, so this one has none
        context.getComponent("livedesk", LiveDeskComponent.class).getConfiguration().setConversationId(null);
        context.start();
        ExecutorService lanes = Executors.newFixedThreadPool(consumers);
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.setExecutorService(new SynchronousExecutorService());
            Endpoint endpoint = context.getEndpoint(
                    mode.equals(BY_CUSTOMER) ? "livedesk:send?inboxId=" + inbox : "livedesk:send");
            Round round = new Round(template, endpoint, lanes, mode, messages, customers, consumers);
            for (int warmup = 1; warmup <= warmupRounds; warmup++) {
                round.run(warmup);
            }
            List<Round.Outcome> timed = new ArrayList<>();
            for (int extra = 1; extra < timedRounds; extra++) {
                timed.add(round.run(CustomersScenario.MEASURED_ROUND - extra));
            }
            System.out.println(WARMED);
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            timed.add(round.run(CustomersScenario.MEASURED_ROUND));
            double seconds = RepeatedFigures.median(timed.stream().map(Round.Outcome::seconds).toList());
            long failed = timed.stream().mapToLong(Round.Outcome::failed).sum();
            boolean finished = timed.stream().allMatch(Round.Outcome::finished);
            System.out.println(PREFIX + seconds + " " + failed + " " + finished);
        } finally {
            lanes.shutdownNow();
            context.stop();
        }
        System.exit(0);
    }

    /** One round: every consumer hands its customers' messages over, all consumers at once. */
    private record Round(ProducerTemplate template, Endpoint endpoint, ExecutorService lanes, String mode,
            int messages, int customers, int consumers) {

        record Outcome(double seconds, long failed, boolean finished) {
        }

        Outcome run(int round) throws InterruptedException {
            AtomicLong failed = new AtomicLong();
            CountDownLatch done = new CountDownLatch(messages);
            CountDownLatch start = new CountDownLatch(1);
            List<Runnable> consumerWork = new ArrayList<>();
            for (int lane = 0; lane < consumers; lane++) {
                int mine = lane;
                consumerWork.add(() -> {
                    for (int i = 0; i < messages; i++) {
                        int customer = i % customers;
                        if (customer % consumers == mine) {
                            hand(round, customer, i / customers, failed, done);
                        }
                    }
                });
            }
            for (Runnable work : consumerWork) {
                lanes.execute(() -> {
                    try {
                        start.await();
                        work.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            long begin = System.nanoTime();
            start.countDown();
            boolean finished = done.await(10, TimeUnit.MINUTES);
            return new Outcome((System.nanoTime() - begin) / 1e9, failed.get(), finished);
        }

        private void hand(int round, int customer, int sequence, AtomicLong failed, CountDownLatch done) {
            String text = String.format(Locale.ROOT, "order %d %d", customer, sequence);
            template.asyncSend(endpoint, exchange -> {
                exchange.getMessage().setBody(text);
                if (mode.equals(BY_CUSTOMER)) {
                    exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER,
                            CustomersScenario.phoneNumber(round, customer));
                } else {
                    exchange.getMessage().setHeader(LiveDeskConstants.CONVERSATION_ID,
                            Long.toString(CustomersScenario.conversationOf(customer)));
                }
            }).whenComplete((exchange, error) -> {
                if (error != null || exchange.getException() != null) {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }
    }
}
