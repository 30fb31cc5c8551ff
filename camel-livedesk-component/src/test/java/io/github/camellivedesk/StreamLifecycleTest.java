package io.github.camellivedesk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code InputStream} attachments are the caller's resources handed to the component: they are closed on every path,
 * and a stream that blocks cannot take an I/O thread (and with it the answers of unrelated messages) hostage.
 */
class StreamLifecycleTest extends LiveDeskTestSupport {

    @Test
    void aStalledStreamTimesOutReleasesItsThreadAndBlocksNoOtherMessage() throws Exception {
        StallingStream stalled = new StallingStream();

        // as an Attachment, which Camel's stream caching leaves alone (a plain InputStream body it would read first)
        Exchange upload = send("livedesk:send?conversationId=141&requestTimeout=1s",
                Attachment.of("stalled.bin", stalled));

        assertThat(upload.getException()).isInstanceOf(LiveDeskTimeoutException.class);
        // the component closes the stream it gave up on and stops the read it started
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            assertThat(stalled.closed).as("stream closed").isTrue();
            assertThat(stalled.reading).as("threads still inside read()").hasValue(0);
        });

        // more messages at once than there are I/O threads: each needs its own connection, on every dispatcher
        String start = route("livedesk:send?conversationId=141");
        List<CompletableFuture<Exchange>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String text = "unrelated " + i;
            others.add(template.asyncSend(start, exchange -> exchange.getMessage().setBody(text)));
        }
        for (CompletableFuture<Exchange> other : others) {
            assertThat(other.get(30, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(simulator().conversation(141L).messages()).hasSize(8);
    }

    @Test
    void streamsAreClosedWhenAnAttachmentIsRefused() throws Exception {
        TrackedStream refused = new TrackedStream("refused");
        TrackedStream valid = new TrackedStream("valid");
        List<Attachment> files = List.of(Attachment.of("a.txt", refused).withContentType("text/plain\r\nX-Injected: 1"),
                Attachment.of("b.txt", valid));

        Exchange exchange = send("livedesk:send?conversationId=141", files);

        assertThat(exchange.getException()).isInstanceOf(LiveDeskValidationException.class)
                .hasMessageContaining("content type");
        assertThat(refused.closed).as("the refused stream is closed").isTrue();
        assertThat(valid.closed).as("the valid stream of the same request is closed").isTrue();
        assertThat(simulator().requestCount()).isZero();
    }

    @Test
    void streamsAreClosedWhenTheExchangeIsRefusedBeforeSending() throws Exception {
        TrackedStream body = new TrackedStream("body");
        TrackedStream header = new TrackedStream("header");

        // no conversation id anywhere: refused before any attachment is looked at
        Exchange exchange = send("livedesk:send", List.of(Attachment.of("a.txt", body)),
                Map.of(LiveDeskConstants.ATTACHMENTS, Attachment.of("b.txt", header)));

        assertThat(exchange.getException()).isInstanceOf(LiveDeskValidationException.class);
        assertThat(body.closed).as("the body's stream is closed").isTrue();
        assertThat(header.closed).as("the header's stream is closed").isTrue();
    }

    /** A stream that closes like a file's or a socket's, and records it. */
    private static final class TrackedStream extends ByteArrayInputStream {
        private volatile boolean closed;

        TrackedStream(String text) {
            super(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * A stream whose read blocks, as a pipe's does when the writer sends nothing, and which a close from another
     * thread does not wake; only an interrupt ends the read. It gives up after 30 s so a failing test cannot hang
     * the build.
     */
    private static final class StallingStream extends InputStream {
        private final CountDownLatch never = new CountDownLatch(1);
        private final AtomicInteger reading = new AtomicInteger();
        private volatile boolean closed;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            reading.incrementAndGet();
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("read interrupted");
            } finally {
                reading.decrementAndGet();
            }
            throw new IOException("nothing came within 30 s");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
