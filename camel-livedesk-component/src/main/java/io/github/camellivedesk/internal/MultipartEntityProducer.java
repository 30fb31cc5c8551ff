package io.github.camellivedesk.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Writes a {@link MultipartBody} to the connection as the socket accepts it, reading each file in 64 KiB chunks:
 * memory stays constant whatever the file size, and a slow network slows the reads instead of filling the heap.
 * The channel being read is closed when the body is done and when the exchange fails.
 */
final class MultipartEntityProducer implements AsyncEntityProducer {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] CRLF = { '\r', '\n' };

    private final MultipartBody body;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private int partIndex = -1;
    private Stage stage = Stage.NEXT_PART;
    private ReadableByteChannel source;
    private long sourceRead;
    private boolean ended;

    private enum Stage { NEXT_PART, BODY, DONE }

    MultipartEntityProducer(MultipartBody body) {
        this.body = body;
        buffer.flip();
    }

    @Override
    public boolean isRepeatable() {
        return body.isRepeatable();
    }

    @Override
    public String getContentType() {
        return body.contentType();
    }

    @Override
    public long getContentLength() {
        return body.contentLength();
    }

    @Override
    public int available() {
        return ended ? 0 : CHUNK;
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return body.contentLength() < 0;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        while (!ended) {
            if (buffer.hasRemaining()) {
                channel.write(buffer);
                if (buffer.hasRemaining()) {
                    return; // socket full: called again when it can take more
                }
            }
            refill(channel);
        }
    }

    private void refill(DataStreamChannel channel) throws IOException {
        buffer.clear();
        switch (stage) {
            case NEXT_PART -> {
                partIndex++;
                if (partIndex == body.parts().size()) {
                    buffer.put(body.closing());
                    stage = Stage.DONE;
                } else {
                    MultipartBody.Part part = body.parts().get(partIndex);
                    buffer.put(part.head());
                    source = part.source().open();
                    sourceRead = 0;
                    stage = Stage.BODY;
                }
            }
            case BODY -> readSource();
            case DONE -> {
                ended = true;
                channel.endStream();
                releaseResources();
            }
        }
        buffer.flip();
    }

    private void readSource() throws IOException {
        MultipartBody.Part part = body.parts().get(partIndex);
        buffer.limit(CHUNK - CRLF.length);
        int read = source.read(buffer);
        buffer.limit(CHUNK);
        if (read > 0) {
            sourceRead += read;
            if (part.length() >= 0 && sourceRead > part.length()) {
                throw new IOException("an attachment grew while it was being sent (" + sourceRead + " bytes, "
                                      + part.length() + " announced)");
            }
            return;
        }
        if (read < 0) {
            if (part.length() >= 0 && sourceRead != part.length()) {
                throw new IOException("an attachment shrank while it was being sent (" + sourceRead + " bytes, "
                                      + part.length() + " announced)");
            }
            closeSource();
            buffer.put(CRLF);
            stage = Stage.NEXT_PART;
        }
    }

    private void closeSource() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException ignored) {
                // the bytes are sent; a failure to close a read-only source changes nothing
            }
            source = null;
        }
    }

    @Override
    public void failed(Exception cause) {
        releaseResources();
    }

    @Override
    public void releaseResources() {
        // the channel of this attempt; the streams of the request are closed by the client when the request ends
        closeSource();
    }
}
