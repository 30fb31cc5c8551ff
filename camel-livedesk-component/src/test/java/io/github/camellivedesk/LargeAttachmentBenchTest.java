package io.github.camellivedesk;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredAttachment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB file through {@code livedesk:send} into the simulator, in a JVM with a 64 MiB heap (the bench profile sets
 * {@code -Xmx64m}); prints the peak heap. Run with
 * {@code ./mvnw -B -Pbench -pl camel-livedesk-component -am verify -Dtest=LargeAttachmentBenchTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "livedesk.bench.enabled", matches = "true")
class LargeAttachmentBenchTest {

    private static final long SIZE = 1L << 30;

    @Test
    void oneGibibyteUnderASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one-gibibyte.bin");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
            sparse.seek(SIZE / 2);
            sparse.write("the middle of the file".getBytes());
        }
        long maxHeap = Runtime.getRuntime().maxMemory();
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(141L).maxAttachmentSize(2 * SIZE)
                .storageDir(dir.resolve("received")).build().start()) {
            CamelContext context = new DefaultCamelContext();
            LiveDeskComponent livedesk = LiveDeskTestSupport.pointAt(new LiveDeskComponent(), simulator);
            context.addComponent("livedesk", livedesk);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to(
                            "livedesk:send?conversationId=141&maxAttachmentSize=" + 2 * SIZE + "&requestTimeout=10m");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            resetPeaks();
            long start = System.nanoTime();

            Exchange exchange = template.request("direct:upload", e -> {
                e.getMessage().setBody(file.toFile());
                e.getMessage().setHeaders(Map.of(LiveDeskConstants.CONTENT, "1 GiB"));
            });

            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap();
            context.stop();
            assertThat(exchange.getException()).isNull();
            StoredAttachment stored = simulator.conversation(141L).messages().get(0).attachments().get(0);
            assertThat(stored.size()).isEqualTo(SIZE);
            assertThat(stored.sha256()).isEqualTo(AttachmentsTest.sha256(file));
            String report = String.format("LARGE ATTACHMENT 1 GiB sent in %.1f s; peak heap %d MiB of -Xmx %d MiB "
                    + "(client and simulator in one JVM)", seconds, peak >> 20, maxHeap >> 20);
            System.out.println(report);
            Files.writeString(Path.of("target", "large-attachment.txt"), report + System.lineSeparator());
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
