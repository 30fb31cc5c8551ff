package io.github.camellivedesk.internal.events;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a delivery's body up to a limit and no further: a body that announces more is refused before a byte is read,
 * and one that sends more than it announced (or announced nothing) is refused as soon as it passes the limit, so a
 * sender can never make the consumer hold more than the limit in memory. What the HTTP server itself buffered before
 * the consumer runs is the server's to limit (see the component documentation).
 */
public final class BoundedBody {

    private static final int CHUNK = 8192;

    private BoundedBody() {
    }

    /** Refuses a declared {@code Content-Length} over the limit; a missing or unreadable one is left to the read. */
    public static void checkDeclaredLength(String contentLength, long limit) throws RefusedDelivery {
        if (contentLength == null || contentLength.isBlank()) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw new RefusedDelivery(400, "Content-Length is not a number");
        }
        if (declared > limit) {
            throw tooLarge(limit);
        }
    }

    /** All bytes of the stream, refused with 413 once more than {@code limit} arrived. */
    public static byte[] read(InputStream in, long limit) throws RefusedDelivery, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, CHUNK));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int read;
        // reads at most limit + 1 bytes: one more than allowed is enough to know
        while ((read = in.read(chunk, 0, (int) Math.min(chunk.length, limit + 1 - total))) > 0) {
            total += read;
            if (total > limit) {
                throw tooLarge(limit);
            }
            out.write(chunk, 0, read);
        }
        return out.toByteArray();
    }

    /** A body the server already holds whole, checked against the same limit. */
    public static byte[] check(byte[] body, long limit) throws RefusedDelivery {
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        return body;
    }

    private static RefusedDelivery tooLarge(long limit) {
        return new RefusedDelivery(413, "body larger than " + limit + " bytes");
    }
}
