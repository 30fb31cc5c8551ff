package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the parameters of a {@code Content-Disposition} header: quoted strings with backslash escapes (RFC 7578)
 * and extended values such as {@code filename*=UTF-8''na%C3%AFve.pdf} (RFC 5987), decoded.
 */
final class ContentDisposition {

    private ContentDisposition() {
    }

    static Map<String, String> parameters(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++;
            while (i < header.length() && header.charAt(i) == ' ') {
                i++;
            }
            int equals = header.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String name = header.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            String value;
            if (i < header.length() && header.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                while (i < header.length() && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < header.length()) {
                        i++;
                        c = header.charAt(i);
                    }
                    quoted.append(c);
                    i++;
                }
                value = quoted.toString();
                i = header.indexOf(';', i);
            } else {
                int semicolon = header.indexOf(';', i);
                value = (semicolon < 0 ? header.substring(i) : header.substring(i, semicolon)).trim();
                i = semicolon;
            }
            parameters.put(name, name.endsWith("*") ? decodeExtended(value) : value);
        }
        return parameters;
    }

    /**
     * {@code attachment} with the file name twice: an ASCII fallback with anything unsafe replaced, and the exact
     * name percent-encoded as UTF-8 (RFC 6266), so no name can break out of the header.
     */
    static String attachment(String fileName) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static String decodeExtended(String value) {
        int first = value.indexOf('\'');
        int second = first < 0 ? -1 : value.indexOf('\'', first + 1);
        if (second < 0) {
            return value;
        }
        Charset charset;
        try {
            charset = Charset.forName(value.substring(0, first));
        } catch (RuntimeException unknown) {
            charset = StandardCharsets.UTF_8;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = value.substring(second + 1);
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                try {
                    bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                } catch (RuntimeException notHex) {
                    // keep the character as it is
                }
            }
            bytes.write(c);
        }
        return bytes.toString(charset);
    }
}
