package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contact calls once a request is authenticated: create (documented by LiveDesk), search and a contact's
 * conversations (Chatwoot's, which LiveDesk does not document).
 */
final class ContactCalls {

    /** Chatwoot's page size for contact lists and searches. */
    static final int PAGE_SIZE = 15;

    private final ContactBook book;
    private final MessageStore store;
    private final long inboxId;
    private final ConversationJson conversations;

    ContactCalls(ContactBook book, MessageStore store, long inboxId, ConversationJson conversations) {
        this.book = book;
        this.store = store;
        this.inboxId = inboxId;
        this.conversations = conversations;
    }

    /**
     * {@code POST /api/v2/accounts/contacts}. A missing {@code inbox_id} is a 422 (LiveDesk marks it required; Chatwoot
     * would create a contact without an inbox), an unknown one a 404 (Chatwoot's {@code inboxes.find}), both before
     * anything is stored.
     */
    ApiResponse create(ApiCall call) throws IOException {
        Map<String, Object> body;
        try {
            body = JsonBody.read(call);
        } catch (Rejected rejected) {
            return rejected.response();
        }
        Object inbox = body.get("inbox_id");
        if (inbox == null || inbox instanceof String s && s.isBlank()) {
            return ApiResponse.json(422, ErrorBodies.invalidField("inbox_id", "Inbox can't be blank"));
        }
        Long requested = id(inbox);
        if (requested == null || requested != inboxId) {
            return notFound();
        }
        ContactRules.Parsed parsed = ContactRules.parse(body);
        if (parsed instanceof ContactRules.Invalid invalid) {
            return ApiResponse.json(422, ErrorBodies.invalidFields(invalid.violations()));
        }
        ContactBook.Outcome outcome = book.add(((ContactRules.Valid) parsed).draft(), inboxId);
        if (outcome instanceof ContactBook.Refused refused) {
            return ApiResponse.json(422, ErrorBodies.invalidFields(refused.violations()));
        }
        SimulatedContact contact = ((ContactBook.Added) outcome).contact();
        return ApiResponse.json(200,
                JsonWriter.write(Map.of("payload", Map.of("contact", ContactJson.withInboxes(contact)))));
    }

    /** {@code GET /api/v2/accounts/contacts/search?q=...&page=...}: 15 a page, {@code meta.count} counts them all. */
    ApiResponse search(ApiCall call) {
        Map<String, String> query = query(call.exchange.getRequestURI().getRawQuery());
        String q = query.get("q");
        if (q == null || q.isBlank()) {
            return ApiResponse.json(422, ErrorBodies.error("Specify search string with parameter q"));
        }
        String pageParameter = query.get("page");
        Long page = pageParameter == null ? Long.valueOf(1) : MessageStore.parseId(pageParameter);
        long current = page == null || page < 1 ? 1 : page;
        List<SimulatedContact> found = book.search(q);
        List<Object> payload = new ArrayList<>();
        long from = (current - 1) * PAGE_SIZE;
        for (long i = from; i < found.size() && i < from + PAGE_SIZE; i++) {
            payload.add(ContactJson.withInboxes(found.get((int) i)));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("count", found.size());
        // LiveDesk's contact list example shows the page as the string it was asked with
        meta.put("current_page", Long.toString(current));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("meta", meta);
        json.put("payload", payload);
        return ApiResponse.json(200, JsonWriter.write(json));
    }

    /** {@code GET /api/v2/accounts/contacts/{id}/conversations}: newest first; 404 for an unknown contact. */
    ApiResponse conversations(String contactSegment) {
        Long id = MessageStore.parseId(contactSegment);
        if (id == null || book.find(id).isEmpty()) {
            return notFound();
        }
        List<Object> payload = new ArrayList<>();
        for (SimulatedConversation conversation : store.conversationsOf(id)) {
            payload.add(conversations.toMap(conversation));
        }
        return ApiResponse.json(200, JsonWriter.write(Map.of("payload", payload)));
    }

    /** An id sent as a JSON number or as digits in a string (LiveDesk's tables type ids as strings). */
    static Long id(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value instanceof String s ? MessageStore.parseId(s.trim()) : null;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    static ApiResponse notFound() {
        return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
    }
}
