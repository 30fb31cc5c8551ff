package io.github.camellivedesk.internal;

import java.util.Locale;

/**
 * The one way a value from a message, a header, an option or an answer goes into an exception message or a log
 * line: escaped so that it cannot forge a line, and cut short so that it cannot flood one.
 */
public final class LogSafe {

    private static final int MAX_QUOTED = 80;

    private LogSafe() {
    }

    /** The value in single quotes, escaped and cut after 80 characters. */
    public static String quote(Object value) {
        return "'" + escape(String.valueOf(value)) + "'";
    }

    /** The text with control characters, quotes and backslashes escaped, cut after 80 characters. */
    public static String escape(String text) {
        int end = Math.min(text.length(), MAX_QUOTED);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > end) {
            out.append("...(").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
