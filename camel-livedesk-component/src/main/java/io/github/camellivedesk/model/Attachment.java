package io.github.camellivedesk.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload as one {@code attachments[]} part. The bytes are read from the source while the request is being
 * written, never loaded whole into memory.
 */
public final class Attachment {

    private final String fileName;
    private final String contentType;
    private final AttachmentSource source;

    private Attachment(String fileName, String contentType, AttachmentSource source) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The file at {@code path}, named after it; the content type is detected from the name, else from the first bytes. */
    public static Attachment of(Path path) {
        Path fileName = path.getFileName();
        return new Attachment(fileName == null ? null : fileName.toString(), null, new AttachmentSource.FileSource(path));
    }

    /** In-memory bytes under {@code fileName}. */
    public static Attachment of(String fileName, byte[] bytes) {
        return new Attachment(fileName, null, new AttachmentSource.ByteArraySource(bytes));
    }

    /**
     * A stream of unknown length under {@code fileName}. It is read once and closed after sending, whether sending
     * succeeded or not; a request with a stream cannot be sent again after a 429.
     */
    public static Attachment of(String fileName, InputStream stream) {
        return new Attachment(fileName, null, new AttachmentSource.StreamSource(stream, -1));
    }

    /** A stream of known length; see {@link #of(String, InputStream)}. */
    public static Attachment of(String fileName, InputStream stream, long length) {
        return new Attachment(fileName, null, new AttachmentSource.StreamSource(stream, length));
    }

    /** The same file with an explicit content type instead of the detected one. */
    public Attachment withContentType(String contentType) {
        return new Attachment(fileName, contentType, source);
    }

    /** The same file under another name. */
    public Attachment withFileName(String fileName) {
        return new Attachment(fileName, contentType, source);
    }

    /** The file name sent in the part's {@code Content-Disposition}. */
    public String fileName() {
        return fileName;
    }

    /** The explicit content type, or null to detect it. */
    public String contentType() {
        return contentType;
    }

    /** Where the bytes come from. */
    public AttachmentSource source() {
        return source;
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + (contentType == null ? "auto" : contentType) + ", " + source + "]";
    }

    /** Where an attachment's bytes come from. */
    public sealed interface AttachmentSource {

        /** The size in bytes, or -1 when unknown until read. */
        long length() throws IOException;

        /** Whether the bytes can be read more than once (needed to resend after a 429). */
        boolean repeatable();

        /** Opens the bytes for reading; the caller closes the channel. */
        ReadableByteChannel open() throws IOException;

        /** Lets go of what the source holds open: a stream is closed, files and bytes need nothing. */
        default void release() {
        }

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
                return java.nio.channels.Channels.newChannel(new java.io.ByteArrayInputStream(bytes));
            }

            @Override
            public String toString() {
                return "ByteArraySource[" + bytes.length + " bytes]";
            }
        }

        /** A stream, read once. */
        record StreamSource(InputStream stream, long length) implements AttachmentSource {
            @Override
            public boolean repeatable() {
                return false;
            }

            @Override
            public ReadableByteChannel open() {
                return java.nio.channels.Channels.newChannel(stream);
            }

            @Override
            public void release() {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // best effort: the stream is done with either way
                }
            }

            @Override
            public String toString() {
                return "StreamSource[" + (length < 0 ? "unknown length" : length + " bytes") + "]";
            }
        }
    }
}
