package io.github.camellivedesk.model;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel error from {@code content_attributes.external_error}, split into the WhatsApp error code and its text.
 * <p>
 * LiveDesk writes it as {@code "131047: Re-engagement message is not allowed"} or as
 * {@code "(#132000) Number of parameters does not match"}; anything else keeps the whole text and no code.
 *
 * @param code      the WhatsApp error code, or null when the text has none
 * @param text      the error text without the code
 * @param raw       the value as LiveDesk sent it
 * @param retryable whether sending the same message later can succeed (rate limits and transient errors)
 */
public record ExternalError(Integer code, String text, String raw, boolean retryable) {

    /** Outside the 24-hour customer service window: only templates may be sent until the customer writes. */
    public static final int REENGAGEMENT_NOT_ALLOWED = 131047;

    private static final Pattern COLON_FORM = Pattern.compile("^\\s*(\\d{3,7})\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern HASH_FORM = Pattern.compile("^\\s*\\(#(\\d{3,7})\\)\\s*(.*)$", Pattern.DOTALL);

    // Meta's codes that clear by themselves: throttling (130429, 131056, 131048) and temporary errors (131000,
    // 131016 service unavailable, 133004 server temporarily unavailable).
    private static final Set<Integer> RETRYABLE_CODES = Set.of(130429, 131056, 131048, 131000, 131016, 133004);

    /** Parses either form; never fails. */
    public static ExternalError parse(String raw) {
        for (Pattern pattern : new Pattern[]{ COLON_FORM, HASH_FORM }) {
            Matcher matcher = pattern.matcher(raw);
            if (matcher.matches()) {
                int code = Integer.parseInt(matcher.group(1));
                return new ExternalError(code, matcher.group(2).trim(), raw, RETRYABLE_CODES.contains(code));
            }
        }
        return new ExternalError(null, raw.trim(), raw, false);
    }

    /** Whether this is WhatsApp's 24-hour window error (131047). */
    public boolean isOutsideCustomerServiceWindow() {
        return code != null && code == REENGAGEMENT_NOT_ALLOWED;
    }

    @Override
    public String toString() {
        return code == null ? text : code + ": " + text;
    }
}
