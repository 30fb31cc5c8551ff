package io.github.camellivedesk.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the request URIs. The validator admits only conversation ids of at most 64 unreserved characters
 * ({@code A-Z a-z 0-9 _ -}), so an id is one path segment as it is and cannot change which resource a request reaches.
 */
final class LiveDeskApiPaths {

    private static final String CONVERSATIONS = "/api/v2/accounts/conversations/";
    // routes send to a handful of conversations: build each URI once instead of once per message; bounded, and ids
    // are at most 64 characters, so the cache holds a few tens of kilobytes at most
    private static final int CACHED_URIS = 256;

    private final String base;
    private final Map<String, URI> messageUris = new ConcurrentHashMap<>();

    /** The base URL has been checked when the endpoint started. */
    LiveDeskApiPaths(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    URI messages(String conversationId) {
        URI cached = messageUris.get(conversationId);
        if (cached != null) {
            return cached;
        }
        URI uri = URI.create(base + CONVERSATIONS + conversationId + "/messages");
        if (messageUris.size() < CACHED_URIS) {
            messageUris.put(conversationId, uri);
        }
        return uri;
    }

    URI contacts() {
        return URI.create(base + "/api/v2/accounts/contacts");
    }

    /** Chatwoot's contact search, one page; the query is encoded (a phone number's {@code +} too). */
    URI contactSearch(String query, int page) {
        return URI
                .create(base + "/api/v2/accounts/contacts/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + "&page=" + page);
    }

    URI contactConversations(long contactId) {
        return URI.create(base + "/api/v2/accounts/contacts/" + contactId + "/conversations");
    }

    URI conversations() {
        return URI.create(base + "/api/v2/accounts/conversations");
    }

    URI toggleStatus(String conversationId) {
        return URI.create(base + CONVERSATIONS + conversationId + "/toggle_status");
    }

    URI retry(String conversationId, long messageId) {
        return URI.create(base + CONVERSATIONS + conversationId + "/messages/" + messageId + "/retry");
    }
}
