package io.github.camellivedesk.internal;

import java.nio.charset.StandardCharsets;

/**
 * A response read into memory up to a bound.
 *
 * @param status     HTTP status
 * @param reason     reason phrase, may be null
 * @param contentType the {@code Content-Type}, may be null
 * @param retryAfter the raw {@code Retry-After}, may be null
 * @param body       the first bytes of the body, at most the consumer's bound
 * @param truncated  whether the body was longer than the bound
 */
record LiveDeskHttpResponse(int status, String reason, String contentType, String retryAfter, byte[] body,
        boolean truncated) {

    private static final int EXCERPT_CHARS = 2048;

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The start of the body as text, for exception messages and logs. */
    String excerpt() {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
        if (text.length() > EXCERPT_CHARS) {
            return text.substring(0, EXCERPT_CHARS) + "... (truncated)";
        }
        return truncated ? text + "... (truncated)" : text;
    }
}
