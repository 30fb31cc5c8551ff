package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The LiveDesk API under {@code /api/}, in the order real infrastructure acts: an injected fault first (a proxy or
 * load balancer fails before the service), then the rate limits, then Basic authentication, then the route: messages
 * and their retry, contacts (create, search, their conversations), conversations (create, toggle status).
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final Pattern MESSAGES = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/messages/?$");
    private static final Pattern RETRY = Pattern
            .compile("^/api/v2/accounts/conversations/([^/]+)/messages/([^/]+)/retry/?$");
    private static final Pattern CONTACTS = Pattern.compile("^/api/v2/accounts/contacts/?$");
    private static final Pattern CONTACT_SEARCH = Pattern.compile("^/api/v2/accounts/contacts/search/?$");
    private static final Pattern CONTACT_CONVERSATIONS = Pattern
            .compile("^/api/v2/accounts/contacts/([^/]+)/conversations/?$");
    private static final Pattern CONVERSATIONS = Pattern.compile("^/api/v2/accounts/conversations/?$");
    private static final Pattern TOGGLE_STATUS = Pattern
            .compile("^/api/v2/accounts/conversations/([^/]+)/toggle_status/?$");
    private static final long MAX_DRAINED_REFUSAL = 64 * 1024;

    private final FaultInjector faults;
    private final FaultResponder faultResponder;
    private final Throttle throttle;
    private final Authentication authentication;
    private final MessageCreation messages;
    private final ContactCalls contacts;
    private final ConversationCalls conversations;
    private final ResponseWriter writer;

    ApiHandler(FaultInjector faults, Throttle throttle, Authentication authentication, MessageCreation messages,
            ContactCalls contacts, ConversationCalls conversations, ResponseWriter writer) {
        this.faults = faults;
        this.faultResponder = new FaultResponder(writer);
        this.throttle = throttle;
        this.authentication = authentication;
        this.messages = messages;
        this.contacts = contacts;
        this.conversations = conversations;
        this.writer = writer;
    }

    @Override
    public void handle(HttpExchange exchange) {
        ApiCall call = new ApiCall(exchange, Instant.now());
        Fault fault = faults.next(call.conversation);
        if (fault == null) {
            serve(call);
        } else {
            guarded(call, () -> faultResponder.apply(call, fault, () -> process(call), () -> serve(call)));
        }
    }

    private void serve(ApiCall call) {
        guarded(call, () -> writer.send(call, process(call)));
    }

    private ApiResponse process(ApiCall call) throws IOException {
        if (throttle.enabled()) {
            long retryAfter = throttle.admit(call.exchange.getRemoteAddress().getAddress(), call.conversation);
            if (retryAfter > 0) {
                return throttled(call, retryAfter);
            }
        }
        ApiResponse unauthorized = authentication.check(call);
        if (unauthorized != null) {
            return unauthorized;
        }
        String path = call.rawPath();
        boolean post = "POST".equals(call.exchange.getRequestMethod());
        boolean get = "GET".equals(call.exchange.getRequestMethod());
        Matcher create = MESSAGES.matcher(path);
        if (create.matches()) {
            return post ? messages.create(call, create.group(1)) : methodNotAllowed("POST");
        }
        Matcher retry = RETRY.matcher(path);
        if (retry.matches()) {
            return post ? messages.retry(retry.group(1), retry.group(2)) : methodNotAllowed("POST");
        }
        if (CONTACTS.matcher(path).matches()) {
            return post ? contacts.create(call) : methodNotAllowed("POST");
        }
        if (CONTACT_SEARCH.matcher(path).matches()) {
            return get ? contacts.search(call) : methodNotAllowed("GET");
        }
        Matcher contactConversations = CONTACT_CONVERSATIONS.matcher(path);
        if (contactConversations.matches()) {
            return get ? contacts.conversations(contactConversations.group(1)) : methodNotAllowed("GET");
        }
        if (CONVERSATIONS.matcher(path).matches()) {
            return post ? conversations.create(call) : methodNotAllowed("POST");
        }
        Matcher toggle = TOGGLE_STATUS.matcher(path);
        if (toggle.matches()) {
            return post ? conversations.toggleStatus(call, toggle.group(1)) : methodNotAllowed("POST");
        }
        return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
    }

    /** LiveDesk's throttling answer: plain text, nothing stored. */
    private static ApiResponse throttled(ApiCall call, long retryAfterSeconds) {
        ApiResponse response = new ApiResponse(429, "text/plain; charset=utf-8",
                "Retry later".getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
        // reading a large upload only to refuse it would cost more than the client reconnecting
        long length = call.declaredLength();
        return length >= 0 && length <= MAX_DRAINED_REFUSAL ? response : response.closing();
    }

    private static ApiResponse methodNotAllowed(String allowed) {
        return new ApiResponse(405, ApiResponse.JSON,
                ErrorBodies.error("Method not allowed").getBytes(StandardCharsets.UTF_8),
                Map.of("Allow", allowed));
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs a step of serving {@code call}: a broken connection closes the exchange, a bug in the simulator answers 500. */
    private void guarded(ApiCall call, Step step) {
        try {
            step.run();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Connection failed while serving " + call.path, e);
            call.exchange.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Simulator error while serving " + call.path, e);
            try {
                writer.send(call, ApiResponse.json(500, ErrorBodies.error("Simulator error: " + e)));
            } catch (IOException | RuntimeException headersAlreadySent) {
                call.exchange.close();
            }
        }
    }
}
