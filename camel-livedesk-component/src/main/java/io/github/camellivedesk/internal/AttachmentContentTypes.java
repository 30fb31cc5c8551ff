package io.github.camellivedesk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

/**
 * The content type of an attachment that does not state one: from the file name's extension (the JDK's table), else
 * from the first bytes. Both matter because LiveDesk, and WhatsApp behind it, show images, audio and video as such
 * only when the part's type says so, and files from scanners, mail gateways or {@code byte[]} bodies often have no
 * extension. The JDK's own content sniffing knows neither PDF nor the audio formats WhatsApp accepts.
 */
final class AttachmentContentTypes {

    static final String UNKNOWN = "application/octet-stream";

    private static final int HEAD = 16;

    private AttachmentContentTypes() {
    }

    static String detect(String fileName, AttachmentSource source) {
        // validation has made sure there is a file name
        String byName = URLConnection.guessContentTypeFromName(fileName.toLowerCase(Locale.ROOT));
        if (byName != null) {
            return byName;
        }
        byte[] head = head(source);
        String byContent = head == null ? null : fromFirstBytes(head);
        return byContent != null ? byContent : UNKNOWN;
    }

    /** The first bytes, without consuming a stream; null where they cannot be read again. */
    private static byte[] head(AttachmentSource source) {
        try {
            if (source instanceof AttachmentSource.FileSource file) {
                try (InputStream in = Files.newInputStream(file.path())) {
                    return in.readNBytes(HEAD);
                }
            }
            if (source instanceof AttachmentSource.ByteArraySource bytes) {
                return Arrays.copyOf(bytes.bytes(), Math.min(HEAD, bytes.bytes().length));
            }
            if (source instanceof AttachmentSource.StreamSource stream && stream.stream().markSupported()) {
                InputStream in = stream.stream();
                in.mark(HEAD);
                try {
                    return in.readNBytes(HEAD);
                } finally {
                    in.reset();
                }
            }
        } catch (IOException e) {
            // a file that cannot be read is reported when its size is taken or while it is sent
        }
        return null;
    }

    static String fromFirstBytes(byte[] head) {
        if (startsWith(head, 0, "%PDF-")) {
            return "application/pdf";
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")) {
            return "image/gif";
        }
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
            return "image/webp";
        }
        if (startsWith(head, 4, "ftyp")) {
            // ISO media: the brand tells audio from video
            return startsWith(head, 8, "M4A ") ? "audio/mp4"
                    : startsWith(head, 8, "qt  ") ? "video/quicktime" : "video/mp4";
        }
        if (startsWith(head, 0, "OggS")) {
            return "audio/ogg";
        }
        if (startsWith(head, 0, "#!AMR")) {
            return "audio/amr";
        }
        if (startsWith(head, 0, "ID3") || startsWith(head, 0, 0xFF, 0xFB) || startsWith(head, 0, 0xFF, 0xF3)
                || startsWith(head, 0, 0xFF, 0xF2)) {
            return "audio/mpeg";
        }
        if (startsWith(head, 0, 0xFF, 0xF1) || startsWith(head, 0, 0xFF, 0xF9)) {
            return "audio/aac";
        }
        if (startsWith(head, 0, 'P', 'K', 0x03, 0x04)) {
            return "application/zip";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
