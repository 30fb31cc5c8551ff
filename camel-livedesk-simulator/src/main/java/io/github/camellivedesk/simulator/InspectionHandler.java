package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The inspection and fault API under {@value #PREFIX}, for tests in other languages and for people: the same as the
 * Java API, as JSON, without authentication and never subject to faults.
 */
final class InspectionHandler implements HttpHandler {

    static final String PREFIX = "/__simulator/";
    private static final Pattern CONVERSATION = Pattern
            .compile("^conversations/([0-9]+)(/messages|/window|/customer-reply|/status)?$");
    private static final Pattern MESSAGE = Pattern
            .compile("^conversations/([0-9]+)/messages/([0-9]+)/(fail|delivered|read)$");

    static final int MAX_BODY = 1024 * 1024;
    /** How long {@code GET changes} waits for a change: below the idle timeouts of browsers and proxies. */
    static final Duration CHANGES_WAIT = Duration.ofSeconds(25);

    private final MessageStore store;
    private final ContactBook contacts;
    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final Throttle throttle;
    private final MessageJson json;
    private final Runnable reset;
    private final Supplier<List<WebhookDelivery>> webhookDeliveries;
    private final AdminAccess access;
    private final ChangeFeed changes;

    InspectionHandler(MessageStore store, ContactBook contacts, RequestLog requestLog, FaultInjector faults,
            Throttle throttle,
            MessageJson json,
            Runnable reset, Supplier<List<WebhookDelivery>> webhookDeliveries, AdminAccess access,
            ChangeFeed changes) {
        this.store = store;
        this.contacts = contacts;
        this.requestLog = requestLog;
        this.faults = faults;
        this.throttle = throttle;
        this.json = json;
        this.reset = reset;
        this.webhookDeliveries = webhookDeliveries;
        this.access = access;
        this.changes = changes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring(PREFIX.length());
        String method = exchange.getRequestMethod();
        // health tells nothing and serves readiness probes, which do not know the token; the page holds no data (what
        // it shows, it fetches with the token) and a browser cannot send a header when it navigates to it
        boolean needsToken = !path.equals("health") && !path.equals(InboxPage.PATH);
        AdminAccess.Refusal refusal = access.checkInspection(method, exchange.getRequestHeaders(), needsToken);
        if (refusal != null) {
            refuse(exchange, refusal.status(), refusal.reason());
            return;
        }
        if (method.equals("GET") && path.equals(InboxPage.PATH)) {
            InboxPage.INSTANCE.serve(exchange);
            return;
        }
        try {
            if (method.equals("GET") && path.equals("changes")) {
                awaitChange(exchange);
                return;
            }
            Object answer = route(exchange, method, path);
            if (answer != null && !method.equals("GET")) {
                // faults injected or cleared, a reset: what the store does not announce itself
                changes.changed();
            }
            if (answer == null) {
                ApiResponse.writeJson(exchange, 404,
                        ErrorBodies.error("No inspection endpoint " + method + " " + PREFIX + path));
            } else {
                ApiResponse.writeJson(exchange, 200, JsonWriter.write(answer));
            }
        } catch (BodyTooLarge e) {
            refuse(exchange, 413, "Inspection API bodies are limited to " + MAX_BODY + " bytes");
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            ApiResponse.writeJson(exchange, 400, ErrorBodies.error(e.getMessage()));
        } catch (IllegalStateException e) {
            ApiResponse.writeJson(exchange, 409, ErrorBodies.error(e.getMessage()));
        }
    }

    /**
     * {@code GET changes?since=V}: answers {@code {"version": W}} once the change counter differs from V (at once
     * when it does already), or after {@link #CHANGES_WAIT} with V. The page asks again after each answer.
     */
    private void awaitChange(HttpExchange exchange) throws IOException {
        Long since = query(exchange, "since");
        if (since == null) {
            ApiResponse.writeJson(exchange, 200, JsonWriter.write(Map.of("version", changes.version())));
            return;
        }
        changes.await(since, CHANGES_WAIT, version -> {
            try {
                ApiResponse.writeJson(exchange, 200, JsonWriter.write(Map.of("version", version)));
            } catch (IOException pageLeft) {
                exchange.close();
            }
        });
    }

    /** A query parameter of digits; null when absent; IllegalArgumentException (400) when it is not digits. */
    private static Long query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                Long value = MessageStore.parseId(pair.substring(name.length() + 1));
                if (value == null) {
                    throw new IllegalArgumentException(name + " must be a whole number of 0 or more");
                }
                return value;
            }
        }
        return null;
    }

    /** The last {@code ?last=N} entries of a list, or all of it: the page shows recent ones, not 10,000. */
    private static <T> List<T> last(HttpExchange exchange, List<T> all) {
        Long last = query(exchange, "last");
        return last == null || last >= all.size() ? all : all.subList(all.size() - last.intValue(), all.size());
    }

    /** Answers and closes the connection: what the client still sends is not read. */
    private static void refuse(HttpExchange exchange, int status, String reason) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        ApiResponse.writeJson(exchange, status, ErrorBodies.error(reason));
    }

    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body larger than " + MAX_BODY + " bytes");
        }
    }

    private Object route(HttpExchange exchange, String method, String path) throws IOException {
        switch (method + " " + path) {
            case "GET health":
                return Map.of("status", "UP");
            case "GET stats":
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("requests", requestLog.count());
                stats.put("throttled_requests", throttle.refused());
                stats.put("client_rate_limit", describe(throttle.clientLimit()));
                stats.put("conversation_rate_limit", describe(throttle.conversationLimit()));
                // inbox pages waiting for a change right now (a page under load is refreshing, not always waiting)
                stats.put("pages_waiting", changes.waiting());
                return stats;
            case "GET conversations":
                List<Object> conversations = new ArrayList<>();
                for (SimulatedConversation conversation : store.conversations()) {
                    conversations.add(conversation(conversation));
                }
                return conversations;
            case "GET contacts":
                List<Object> contactList = new ArrayList<>();
                for (SimulatedContact contact : contacts.all()) {
                    contactList.add(contact(contact));
                }
                return contactList;
            case "GET requests":
                List<Object> requests = new ArrayList<>();
                for (RecordedRequest request : last(exchange, requestLog.all())) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("method", request.method());
                    json.put("path", request.path());
                    json.put("headers", request.headers());
                    json.put("content_type", request.contentType());
                    json.put("body_size", request.bodySize());
                    json.put("json_body", request.jsonBody());
                    json.put("received_at", request.receivedAt().toString());
                    json.put("response_status", request.responseStatus());
                    requests.add(json);
                }
                return requests;
            case "GET attachments":
                List<Object> attachments = new ArrayList<>();
                for (StoredAttachment attachment : store.attachments()) {
                    Map<String, Object> described = new LinkedHashMap<>(json.attachment(attachment));
                    described.put("file_name", attachment.fileName());
                    described.put("content_type", attachment.contentType());
                    described.put("sha256", attachment.sha256());
                    attachments.add(described);
                }
                return attachments;
            case "GET webhooks":
                List<Object> deliveries = new ArrayList<>();
                for (WebhookDelivery delivery : last(exchange, webhookDeliveries.get())) {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("delivery_id", delivery.deliveryId());
                    json.put("event", delivery.event());
                    json.put("sent_at", delivery.sentAt().toString());
                    json.put("status_code", delivery.statusCode());
                    json.put("error", delivery.error());
                    json.put("duration_millis", delivery.duration().toMillis());
                    deliveries.add(json);
                }
                return deliveries;
            case "POST reset":
                reset.run();
                return Map.of("reset", true);
            case "GET faults":
                return faults.describe();
            case "POST faults":
                injectFault(body(exchange));
                return faults.describe();
            case "DELETE faults":
                faults.clear();
                return List.of();
            default:
                return conversationRoute(exchange, method, path);
        }
    }

    private Object conversationRoute(HttpExchange exchange, String method, String path) throws IOException {
        Matcher messagePath = MESSAGE.matcher(path);
        if (method.equals("POST") && messagePath.matches()) {
            return messageChange(exchange, Long.parseLong(messagePath.group(1)), Long.parseLong(messagePath.group(2)),
                    messagePath.group(3));
        }
        Matcher matcher = CONVERSATION.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        long id = Long.parseLong(matcher.group(1));
        String action = matcher.group(2) == null ? "" : matcher.group(2);
        if (method.equals("POST") && action.isEmpty()) {
            return conversation(store.create(id));
        }
        SimulatedConversation conversation = store.find(id).orElse(null);
        if (conversation == null) {
            return null;
        }
        switch (method + " " + action) {
            case "GET ":
                return conversation(conversation);
            case "GET /messages":
                List<Object> messages = new ArrayList<>();
                for (StoredMessage message : last(exchange, conversation.messages())) {
                    messages.add(json.toMap(message));
                }
                return messages;
            case "POST /window":
                if (Boolean.FALSE.equals(body(exchange).get("open"))) {
                    conversation.closeWindow();
                } else {
                    conversation.customerReply("(window opened through the inspection API)");
                }
                return conversation(conversation);
            case "POST /status":
                return conversation(changeStatus(conversation, body(exchange)));
            case "POST /customer-reply":
                Object content = body(exchange).get("content");
                return json.toMap(conversation.customerReply(content == null ? "" : content.toString()));
            default:
                return null;
        }
    }

    /** A status change after the fact; null (404) for an unknown conversation or message. */
    private Object messageChange(HttpExchange exchange, long conversationId, long messageId, String change)
            throws IOException {
        SimulatedConversation conversation = store.find(conversationId).orElse(null);
        if (conversation == null
                || store.message(messageId).filter(m -> m.conversationId() == conversationId).isEmpty()) {
            return null;
        }
        StoredMessage changed = switch (change) {
            case "fail" -> {
                Object error = body(exchange).get("external_error");
                yield conversation.failMessage(messageId,
                        error == null ? MessageStore.REENGAGEMENT_ERROR : error.toString());
            }
            case "delivered" -> conversation.markDelivered(messageId);
            default -> conversation.markRead(messageId);
        };
        return json.toMap(changed);
    }

    /**
     * {@code POST conversations/{id}/status} with {@code status} and, for {@code snoozed}, an optional
     * {@code snoozed_until}: the same change and transition matrix as the API's {@code toggle_status}, without the
     * credentials, faults, rate limits or request log (it is a tester's action, not a client's call).
     */
    private static SimulatedConversation changeStatus(SimulatedConversation conversation, Map<String, Object> body) {
        ConversationStatus target = ConversationStatus.fromWire(body.get("status"))
                .orElseThrow(
                        () -> new IllegalArgumentException("status must be one of open, resolved, pending, snoozed"));
        java.time.Instant until = null;
        if (target == ConversationStatus.SNOOZED && body.get("snoozed_until") != null) {
            until = java.time.Instant.ofEpochSecond(number(body, "snoozed_until", 0).longValue());
        }
        SimulatedConversation.StatusChange change = conversation.changeStatus(target, until);
        if (!change.accepted()) {
            throw new IllegalStateException("Conversation status cannot go from " + change.from().wireName() + " to "
                    + change.to().wireName());
        }
        return conversation;
    }

    private static Map<String, Object> describe(RateLimit limit) {
        if (limit == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", limit.requests());
        json.put("period_seconds", limit.period().toMillis() / 1000.0);
        return json;
    }

    private static Map<String, Object> conversation(SimulatedConversation conversation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", conversation.id());
        json.put("window_open", conversation.windowOpen());
        json.put("message_count", conversation.messages().size());
        json.put("status", conversation.status().wireName());
        json.put("snoozed_until",
                conversation.snoozedUntil().map(until -> (Object) until.getEpochSecond()).orElse(null));
        json.put("contact_id", conversation.contact().map(contact -> (Object) contact.id()).orElse(null));
        json.put("inbox_id", conversation.inboxId());
        json.put("unread_count", conversation.unreadCount());
        return json;
    }

    private static Map<String, Object> contact(SimulatedContact contact) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", contact.id());
        json.put("name", contact.name());
        json.put("email", contact.email());
        json.put("phone_number", contact.phoneNumber());
        json.put("identifier", contact.identifier());
        json.put("avatar_url", contact.avatarUrl());
        json.put("inbox_id", contact.inboxId());
        json.put("source_id", contact.sourceId());
        json.put("created_at", contact.createdAt().getEpochSecond());
        return json;
    }

    private void injectFault(Map<String, Object> spec) {
        Fault fault = switch (String.valueOf(spec.get("type"))) {
            case "status" -> {
                Fault.Status status = Fault.status(number(spec, "status", 500).intValue());
                yield spec.get("body") == null ? status : status.withBody(spec.get("body").toString());
            }
            case "rateLimit" -> spec.containsKey("retryAfterSeconds")
                    ? Fault.rateLimit(Duration.ofSeconds(number(spec, "retryAfterSeconds", 1).longValue()))
                    : spec.containsKey("retryAfterDate")
                            ? Fault.rateLimitUntil(ZonedDateTime.parse(spec.get("retryAfterDate").toString()))
                            : Fault.rateLimitPlain();
            case "latency" -> Fault.latency(Duration.ofMillis(number(spec, "minMillis", 0).longValue()),
                    Duration.ofMillis(number(spec, "maxMillis", number(spec, "minMillis", 0).longValue()).longValue()));
            case "drop" -> switch (String.valueOf(spec.getOrDefault("when", "beforeRead"))) {
                case "afterRead" -> Fault.dropAfterRead();
                case "afterProcessing" -> Fault.dropAfterProcessing();
                default -> Fault.dropBeforeRead();
            };
            case "malformedJson" -> Fault.malformedJson();
            case "html" -> Fault.htmlErrorPage(number(spec, "status", 502).intValue());
            case "emptyBody" -> Fault.emptyBody(number(spec, "status", 500).intValue());
            case "slowBody" -> Fault.slowBody(Duration.ofMillis(number(spec, "pauseMillis", 100).longValue()));
            case "hugeErrorBody" -> Fault.hugeErrorBody(number(spec, "status", 500).intValue(),
                    number(spec, "size", 5_000_000).longValue());
            default -> throw new IllegalArgumentException("Unknown fault type " + spec.get("type")
                    + "; use status, rateLimit, latency, drop, malformedJson, html, emptyBody, slowBody or hugeErrorBody");
        };
        FaultInjector.Scope scope = faults.inject(fault);
        if (spec.get("conversation") != null) {
            scope = scope.forConversation(spec.get("conversation").toString());
        }
        if (spec.containsKey("next")) {
            scope.forNext(number(spec, "next", 1).intValue());
        } else if (spec.containsKey("fraction")) {
            scope.forFraction(number(spec, "fraction", 1).doubleValue());
        } else {
            scope.always();
        }
    }

    private static Number number(Map<String, Object> spec, String key, long fallback) {
        Object value = spec.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(key + " must be a number");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new BodyTooLarge();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Map.of();
        }
        Object parsed = JsonReader.parse(text);
        if (!(parsed instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) parsed;
    }
}
