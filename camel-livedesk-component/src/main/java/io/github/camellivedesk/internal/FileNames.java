package io.github.camellivedesk.internal;

import java.nio.charset.StandardCharsets;

/**
 * Encodes a file name for a part's {@code Content-Disposition}. The quoted {@code filename} is plain ASCII with
 * every character that could end the quoted string, the header or the part replaced; when that loses information,
 * {@code filename*} (RFC 5987) carries the exact name percent-encoded in UTF-8. Path separators are replaced in
 * both, so a name can never point outside the upload.
 */
final class FileNames {

    private FileNames() {
    }

    static String dispositionParameters(String fileName) {
        String name = fileName.replace('/', '_').replace('\\', '_');
        StringBuilder ascii = new StringBuilder(name.length());
        boolean lossy = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '%') {
                ascii.append('_');
                lossy = true;
            } else {
                ascii.append(c);
            }
        }
        String plain = "filename=\"" + ascii + "\"";
        return lossy ? plain + "; filename*=UTF-8''" + percentEncode(name) : plain;
    }

    private static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            // attr-char of RFC 5987
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
