package io.github.camellivedesk.model;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to upload as one {@code attachments[]} part: a name, an optional content type and the content as given (a
 * file, bytes or a stream). The bytes are read while the request is being written, never loaded whole into memory.
 */
public final class Attachment {

    private final String fileName;
    private final String contentType;
    private final Object content;
    private final long knownLength;

    private Attachment(String fileName, String contentType, Object content, long knownLength) {
        this.fileName = fileName;
        this.contentType = contentType;
        this.content = Objects.requireNonNull(content, "content");
        this.knownLength = knownLength;
    }

    /** The file at {@code path}, named after it; the content type is detected from the name, else from the first bytes. */
    public static Attachment of(Path path) {
        Path fileName = path.getFileName();
        return new Attachment(fileName == null ? null : fileName.toString(), null, path, -1);
    }

    /** In-memory bytes under {@code fileName}. */
    public static Attachment of(String fileName, byte[] bytes) {
        return new Attachment(fileName, null, bytes, bytes.length);
    }

    /**
     * A stream of unknown length under {@code fileName}. It is read once and closed after sending, whether sending
     * succeeded or not; a request with a stream cannot be sent again after a 429.
     */
    public static Attachment of(String fileName, InputStream stream) {
        return new Attachment(fileName, null, stream, -1);
    }

    /** A stream of known length; see {@link #of(String, InputStream)}. */
    public static Attachment of(String fileName, InputStream stream, long length) {
        return new Attachment(fileName, null, stream, length);
    }

    /** The same file with an explicit content type instead of the detected one. */
    public Attachment withContentType(String contentType) {
        return new Attachment(fileName, contentType, content, knownLength);
    }

    /** The same file under another name. */
    public Attachment withFileName(String fileName) {
        return new Attachment(fileName, contentType, content, knownLength);
    }

    /** The file name sent in the part's {@code Content-Disposition}. */
    public String fileName() {
        return fileName;
    }

    /** The explicit content type, or null to detect it. */
    public String contentType() {
        return contentType;
    }

    /** The content as given: a {@link Path}, a {@code byte[]} or an {@link InputStream}. */
    public Object content() {
        return content;
    }

    /** The size in bytes when it was given (bytes, a stream with a length), else -1 (a file is measured when sent). */
    public long knownLength() {
        return knownLength;
    }

    @Override
    public String toString() {
        String what = content instanceof Path ? "file" : content instanceof byte[] ? knownLength + " bytes"
                : knownLength < 0 ? "stream" : "stream of " + knownLength + " bytes";
        return "Attachment[" + fileName + ", " + (contentType == null ? "auto" : contentType) + ", " + what + "]";
    }
}
