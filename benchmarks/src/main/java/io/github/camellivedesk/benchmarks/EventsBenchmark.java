package io.github.camellivedesk.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.reactor.IOReactorConfig;

import io.github.camellivedesk.LiveDeskComponent;

/**
 * Issue 19 item 5: signed webhook deliveries per second through {@code from("livedesk:events")} (signature, JSON into
 * a typed event, filters, delivery id, route) against a bare {@code platform-http} route that only parses the same
 * JSON, side by side in one JVM on one Vert.x server, alternating A, B, A, B, ... so both see the same machine. The
 * load generator (HttpClient 5 async, a fixed number in flight) runs in the same JVM, so the CPU per event includes
 * its share, the same for both. Every delivery has a new X-Chatwoot-Delivery id: none is a duplicate.
 * <p>
 * Writes its table between the events markers of the results file (the harness rewrites the rest).
 */
public final class EventsBenchmark {

    private static final String SECRET = "bench-webhook-secret";
    private static final String START = "<!-- events-benchmark: START -->";
    private static final String END = "<!-- events-benchmark: END -->";

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "RESULTS.md");
        int inFlight = Integer.getInteger("livedesk.bench.events.inFlight", 64);
        int deliveries = Integer.getInteger("livedesk.bench.events.deliveries", 30_000);
        int rounds = Integer.getInteger("livedesk.bench.events.rounds", 3);
        String body = new String(EventsBenchmark.class.getResourceAsStream("/message_created.json").readAllBytes(),
                StandardCharsets.UTF_8).trim();

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CamelContext camel = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        server.setMaxBodySize(1024L * 1024);
        camel.addService(new VertxPlatformHttpServer(server));
        camel.addComponent("livedesk", new LiveDeskComponent());
        ObjectMapper json = new ObjectMapper();
        AtomicLong routed = new AtomicLong();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(System.getProperty("livedesk.bench.events.uri",
                        "livedesk:events?path=/livedesk/events&webhookSecret=" + SECRET))
                        .process(exchange -> routed.incrementAndGet());
                // what a user would write by hand: platform-http and Jackson, no signature, no id, no types
                from("platform-http:/bare?httpMethodRestrict=POST").process(exchange -> {
                    json.readTree(exchange.getMessage().getBody(byte[].class));
                    routed.incrementAndGet();
                    exchange.getMessage().setBody("ok");
                });
            }
        });
        camel.start();

        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(inFlight)
                        .setMaxConnPerRoute(inFlight).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .disableAutomaticRetries().build();
        client.start();
        String base = "http://127.0.0.1:" + port;
        try {
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            // warm-up, both
            run(client, base + "/livedesk/events", body, inFlight, deliveries / 2, true);
            run(client, base + "/bare", body, inFlight, deliveries / 2, false);
            List<double[]> events = new ArrayList<>();
            List<double[]> bare = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                events.add(run(client, base + "/livedesk/events", body, inFlight, deliveries, true));
                bare.add(run(client, base + "/bare", body, inFlight, deliveries, false));
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            double[] e = median(events);
            double[] b = median(bare);
            String table = String.format(java.util.Locale.ROOT,
                    """

                            ## webhook events (issue 19)

                            Generated by `EventsBenchmark` on %s: %,d signed `message_created` deliveries (%,d bytes) per
                            run, %d in flight, each with a new delivery id; %d rounds alternating the two routes, medians. One
                            JVM holds the Vert.x platform-http server, both routes and the load generator (HttpClient 5 async),
                            so CPU per 10,000 events includes the generator's share, the same for both. Command:
                            `./mvnw -B -Pbench -pl benchmarks -am -DskipTests verify` (or its `events` execution alone:
                            `java -cp ... io.github.camellivedesk.benchmarks.EventsBenchmark benchmarks/RESULTS.md`).
                            Load average of the machine (%d cores) before and after: %.1f, %.1f; with other work on the
                            machine the ratio moves by tenths from run to run, so compare runs made in one sitting.

                            | route | events/s | CPU s per 10,000 events | failures | ratio |
                            |---|---:|---:|---:|---:|
                            | `from("livedesk:events?webhookSecret=...")` (verify, type, de-duplicate, route) | %,.0f | %.2f | %.0f | %.2fx |
                            | bare `platform-http` route parsing the same JSON with Jackson | %,.0f | %.2f | %.0f | 1.00x |
                            """,
                    Instant.now(), deliveries, body.length(), inFlight, rounds,
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, e[0], e[1], e[2], e[0] / b[0],
                    b[0], b[1], b[2]);
            System.out.println(table);
            write(results, table);
        } finally {
            client.close();
            camel.stop();
        }
    }

    /** {events per second, CPU seconds per 10,000, failures}. */
    private static double[] run(CloseableHttpAsyncClient client, String url, String body, int inFlight, int count,
            boolean signed) throws Exception {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(count);
        AtomicLong failures = new AtomicLong();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = "sha256=" + sign(timestamp + "." + body);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            SimpleRequestBuilder request = SimpleRequestBuilder.post(url)
                    .setBody(body, ContentType.APPLICATION_JSON);
            if (signed) {
                request.setHeader("X-Chatwoot-Delivery", "bench-" + System.nanoTime() + "-" + i)
                        .setHeader("X-Chatwoot-Timestamp", timestamp).setHeader("X-Chatwoot-Signature", signature);
            }
            client.execute(SimpleRequestProducer.create(request.build()), SimpleResponseConsumer.create(),
                    new FutureCallback<SimpleHttpResponse>() {
                        @Override
                        public void completed(SimpleHttpResponse response) {
                            if (response.getCode() != 200) {
                                failures.incrementAndGet();
                            }
                            finish();
                        }

                        @Override
                        public void failed(Exception e) {
                            failures.incrementAndGet();
                            finish();
                        }

                        @Override
                        public void cancelled() {
                            failures.incrementAndGet();
                            finish();
                        }

                        private void finish() {
                            slots.release();
                            done.countDown();
                        }
                    });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("deliveries still unanswered after 10 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        return new double[]{ count / seconds, cpu / count * 10_000, failures.get() };
    }

    private static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((x, y) -> Double.compare(x[0], y[0]));
        return sorted.get(sorted.size() / 2);
    }

    private static String sign(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void write(Path results, String table) throws Exception {
        String text = Files.exists(results) ? Files.readString(results) : "";
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        String section = START + "\n" + table + END + "\n";
        text = from >= 0 && to > from ? text.substring(0, from) + section + text.substring(to + END.length() + 1)
                : text + "\n" + section;
        Files.writeString(results, text);
    }
}
