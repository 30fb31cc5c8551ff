package io.github.camellivedesk.client;

import java.net.URI;

import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * Builds the request URIs. Each id is percent-encoded as exactly one path segment, and {@code .} and {@code ..} are
 * refused, so no value can change which resource a request reaches.
 */
final class LiveDeskApiPaths {

    private static final String CONVERSATIONS = "/api/v2/accounts/conversations/";

    private final String base;
    // routes send to a handful of conversations: parse each URI once instead of once per message
    private final java.util.Map<String, URI> messageUris = new java.util.concurrent.ConcurrentHashMap<>();

    LiveDeskApiPaths(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new LiveDeskValidationException("option baseUrl", "'" + baseUrl + "' is not a URI",
                    "Use the service root such as https://livedesk-api.engagelab.com", e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
            throw new LiveDeskValidationException("option baseUrl", "'" + baseUrl + "' is not an http(s) URL with a host",
                    "Use the service root such as https://livedesk-api.engagelab.com");
        }
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    URI messages(String conversationId) {
        URI cached = messageUris.get(conversationId);
        if (cached != null) {
            return cached;
        }
        URI uri = URI.create(base + CONVERSATIONS + segment(conversationId) + "/messages");
        if (messageUris.size() < 1024) {
            messageUris.put(conversationId, uri);
        }
        return uri;
    }

    URI retry(String conversationId, long messageId) {
        return URI.create(base + CONVERSATIONS + segment(conversationId) + "/messages/" + messageId + "/retry");
    }

    /** RFC 3986 percent-encoding of everything outside the unreserved set. */
    static String segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("'" + value + "' is not a conversation id");
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
