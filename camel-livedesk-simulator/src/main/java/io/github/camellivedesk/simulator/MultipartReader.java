package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code multipart/form-data} (RFC 7578) as a stream: part headers are parsed, part bodies are copied to a
 * sink in 64 KiB steps, so a part of any size passes through constant memory.
 */
final class MultipartReader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    // a form part has two or three headers; many more can only be an attempt to exhaust the heap
    static final int MAX_HEADER_LINES = 32;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer;
    private int start;
    private int end;
    private boolean eof;
    private boolean finished;
    private boolean atDelimiter;

    /** The headers of one part. */
    record PartHeaders(String name, String fileName, String contentType) {
        boolean isFile() {
            return fileName != null;
        }
    }

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[BUFFER + delimiter.length + MAX_HEADER_BYTES];
        // the first delimiter has no CRLF before it: pretend there was one
        buffer[0] = '\r';
        buffer[1] = '\n';
        end = 2;
    }

    /** The boundary parameter of a multipart content type, or null. */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9);
                return value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    /** Moves to the next part and reads its headers, or returns null after the closing delimiter. */
    PartHeaders next() throws IOException {
        if (finished) {
            return null;
        }
        if (!atDelimiter) {
            // skip the preamble, or the rest of a part nobody read
            copyUntilDelimiter(OutputStream.nullOutputStream(), Long.MAX_VALUE);
        }
        atDelimiter = false;
        fill(2);
        if (end - start >= 2 && buffer[start] == '-' && buffer[start + 1] == '-') {
            finished = true;
            return null;
        }
        skipLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (int lines = 0;; lines++) {
            String line = readLine();
            if (line.isEmpty()) {
                break;
            }
            if (lines == MAX_HEADER_LINES) {
                throw new IOException("more than " + MAX_HEADER_LINES + " header lines in one part");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        Map<String, String> disposition = ContentDisposition
                .parameters(headers.getOrDefault("content-disposition", ""));
        String fileName = disposition.containsKey("filename*") ? disposition.get("filename*")
                : disposition.get("filename");
        return new PartHeaders(disposition.get("name"), fileName, headers.get("content-type"));
    }

    /**
     * Copies the current part's body to {@code sink}, at most {@code limit} bytes.
     *
     * @return the bytes copied, or -1 when the part is longer than {@code limit} (the rest is not read)
     */
    long copyBody(OutputStream sink, long limit) throws IOException {
        return copyUntilDelimiter(sink, limit);
    }

    private long copyUntilDelimiter(OutputStream sink, long limit) throws IOException {
        long copied = 0;
        while (true) {
            int found = indexOfDelimiter();
            if (found >= 0) {
                int length = found - start;
                if (copied + length > limit) {
                    return -1;
                }
                sink.write(buffer, start, length);
                start = found + delimiter.length;
                atDelimiter = true;
                return copied + length;
            }
            // keep a tail that could be the start of a delimiter split across reads
            int safe = Math.max(start, end - delimiter.length + 1);
            int length = safe - start;
            if (copied + length > limit) {
                return -1;
            }
            sink.write(buffer, start, length);
            copied += length;
            start = safe;
            if (eof) {
                throw new IOException("multipart body ends without its closing delimiter");
            }
            compactAndRead();
        }
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer : for (int i = start; i <= last; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void compactAndRead() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    private void fill(int bytes) throws IOException {
        while (end - start < bytes && !eof) {
            compactAndRead();
        }
    }

    private void skipLine() throws IOException {
        readLine();
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = start; i + 1 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, start, i - start, StandardCharsets.UTF_8);
                    start = i + 2;
                    return line;
                }
            }
            if (eof) {
                throw new IOException("multipart headers end without CRLF");
            }
            if (end - start >= MAX_HEADER_BYTES) {
                throw new IOException("multipart header line longer than " + MAX_HEADER_BYTES + " bytes");
            }
            compactAndRead();
        }
    }
}
