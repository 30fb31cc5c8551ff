package io.github.camellivedesk.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * Writes a {@link MultipartBody} to the connection as the socket accepts it, reading each file in 64 KiB chunks:
 * memory stays constant whatever the file size, and a slow network slows the reads instead of filling the heap.
 * The channel being read is closed when the body is done and when the exchange fails.
 * <p>
 * Files and bytes are read on the I/O thread, which they never keep waiting. An {@code InputStream} can block for
 * any time (a socket, a pipe, a remote file), so its chunks are read on a {@code blockingReads} thread while the
 * connection's output is suspended; the I/O thread goes on serving other connections. Releasing the producer (the
 * request failed, timed out or was cancelled) interrupts such a read; the client closes the streams when the request
 * ends.
 */
final class MultipartEntityProducer implements AsyncEntityProducer {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] CRLF = { '\r', '\n' };

    private final MultipartBody body;
    private final Executor blockingReads;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
    private int partIndex = -1;
    private Stage stage = Stage.NEXT_PART;
    private ReadableByteChannel source;
    private boolean sourceBlocks;
    private long sourceRead;
    private boolean ended;
    private boolean released;
    // a read of a blocking source in progress on a blockingReads thread (guarded by this)
    private FutureTask<Integer> pendingRead;

    private enum Stage { NEXT_PART, BODY, DONE }

    MultipartEntityProducer(MultipartBody body, Executor blockingReads) {
        this.body = body;
        this.blockingReads = blockingReads;
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
    public synchronized int available() {
        // 0 while a blocking read is under way: the connection stops asking for output until requestOutput()
        return ended || released || pendingRead != null && !pendingRead.isDone() ? 0 : CHUNK;
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
    public synchronized void produce(DataStreamChannel channel) throws IOException {
        if (released) {
            throw new IOException("the request body was released");
        }
        while (!ended) {
            // while a blocking read fills the buffer, it belongs to the reading thread
            if (pendingRead == null && buffer.hasRemaining()) {
                channel.write(buffer);
                if (buffer.hasRemaining()) {
                    return; // socket full: called again when it can take more
                }
            }
            if (!refill(channel)) {
                return; // a blocking read is under way: called again when it is done
            }
        }
    }

    /** Fills the buffer with what comes next; false when that is being read on another thread. */
    private boolean refill(DataStreamChannel channel) throws IOException {
        if (stage == Stage.BODY && sourceBlocks) {
            return refillFromBlockingSource(channel);
        }
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
                    sourceBlocks = part.source() instanceof AttachmentSource.StreamSource;
                    sourceRead = 0;
                    stage = Stage.BODY;
                }
            }
            case BODY -> {
                buffer.limit(CHUNK - CRLF.length);
                int read = source.read(buffer);
                buffer.limit(CHUNK);
                afterRead(read);
            }
            case DONE -> {
                ended = true;
                channel.endStream();
                releaseResources();
            }
        }
        buffer.flip();
        return true;
    }

    private boolean refillFromBlockingSource(DataStreamChannel channel) throws IOException {
        if (pendingRead == null) {
            buffer.clear();
            buffer.limit(CHUNK - CRLF.length);
            ReadableByteChannel reading = source;
            FutureTask<Integer> read = new FutureTask<>(() -> reading.read(buffer)) {
                @Override
                protected void done() {
                    // only now is the outcome visible to available() and produce(): ask for output after it
                    channel.requestOutput();
                }
            };
            pendingRead = read;
            try {
                blockingReads.execute(read);
            } catch (RejectedExecutionException e) {
                pendingRead = null;
                throw new IOException("no thread to read the attachment stream (the component is stopping)", e);
            }
            return false;
        }
        if (!pendingRead.isDone()) {
            return false;
        }
        int read;
        try {
            read = pendingRead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading an attachment stream", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("the read of an attachment stream was cancelled", e);
        } finally {
            pendingRead = null;
        }
        buffer.limit(CHUNK);
        afterRead(read);
        buffer.flip();
        return true;
    }

    /** Accounts for {@code read} bytes of the current source, now in the buffer; at its end, moves to the next part. */
    private void afterRead(int read) throws IOException {
        MultipartBody.Part part = body.parts().get(partIndex);
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
        FutureTask<Integer> read;
        synchronized (this) {
            released = true;
            read = pendingRead;
        }
        if (read != null) {
            // a stream that ignores close() may still honour an interrupt; either ends the blocked read
            read.cancel(true);
        }
        releaseSources();
    }

    private synchronized void releaseSources() {
        // the channel of this attempt; the streams of the request are closed by the client when the request ends
        closeSource();
    }
}
