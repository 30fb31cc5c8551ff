package io.github.camellivedesk.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;

/**
 * Reads a response body up to a bound and discards the rest, so a huge or endless error page cannot exhaust the heap;
 * the message models are small, and an error body is only needed as an excerpt.
 */
final class BoundedResponseConsumer extends AbstractBinResponseConsumer<LiveDeskHttpResponse> {

    private final int maxBytes;
    private ByteArrayOutputStream buffer;
    private boolean truncated;
    private HttpResponse response;
    private ContentType contentType;

    BoundedResponseConsumer(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
        this.response = response;
        this.contentType = contentType;
        this.buffer = new ByteArrayOutputStream(1024);
        this.truncated = false;
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) {
        int room = maxBytes - buffer.size();
        int take = Math.min(room, src.remaining());
        if (take > 0) {
            if (src.hasArray()) {
                buffer.write(src.array(), src.arrayOffset() + src.position(), take);
                src.position(src.position() + take);
            } else {
                byte[] chunk = new byte[take];
                src.get(chunk);
                buffer.write(chunk, 0, take);
            }
        }
        if (src.hasRemaining()) {
            truncated = true;
            src.position(src.limit());
        }
    }

    @Override
    protected LiveDeskHttpResponse buildResult() {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new LiveDeskHttpResponse(response.getCode(), response.getReasonPhrase(),
                contentType == null ? null : contentType.toString(),
                retryAfter == null ? null : retryAfter.getValue(), buffer.toByteArray(), truncated);
    }

    @Override
    public void releaseResources() {
        buffer = null;
    }
}
