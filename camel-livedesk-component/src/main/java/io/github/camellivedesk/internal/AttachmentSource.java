package io.github.camellivedesk.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camellivedesk.model.Attachment;

/** Where the bytes of a multipart part come from: a file, bytes in memory, or a stream that can be read once. */
sealed interface AttachmentSource {

    static AttachmentSource of(Attachment attachment) {
        Object content = attachment.content();
        if (content instanceof Path path) {
            return new FileSource(path);
        }
        if (content instanceof byte[] bytes) {
            return new ByteArraySource(bytes);
        }
        return new StreamSource((InputStream) content, attachment.knownLength());
    }

    /**
     * Closes the streams of these attachments. The one place streams handed to the component are closed: after the
     * request ended, however it ended, or when it was refused before sending.
     */
    static void closeStreams(List<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            if (attachment != null && attachment.content() instanceof InputStream stream) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // best effort: the stream is done with either way
                }
            }
        }
    }

    /** The size in bytes, or -1 when unknown until read. */
    long length() throws IOException;

    /** Whether the bytes can be read more than once (needed to resend after a 429). */
    boolean repeatable();

    /** Opens the bytes for reading; the caller closes the channel. */
    ReadableByteChannel open() throws IOException;

    /** A file on disk. */
    record FileSource(Path path) implements AttachmentSource {
        @Override
        public long length() throws IOException {
            return Files.size(path);
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public ReadableByteChannel open() throws IOException {
            return Files.newByteChannel(path);
        }
    }

    /** Bytes already in memory. */
    record ByteArraySource(byte[] bytes) implements AttachmentSource {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        @Override
        public ReadableByteChannel open() {
            return Channels.newChannel(new ByteArrayInputStream(bytes));
        }
    }

    /** A stream, read once; closing the channel closes it. */
    record StreamSource(InputStream stream, long length) implements AttachmentSource {
        @Override
        public boolean repeatable() {
            return false;
        }

        @Override
        public ReadableByteChannel open() {
            return Channels.newChannel(stream);
        }
    }
}
