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
 * load balancer fails before the service), then the rate limits, then Basic authentication, then the route to one of
 * the two documented calls.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final Pattern MESSAGES = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/messages/?$");
    private static final Pattern RETRY = Pattern
            .compile("^/api/v2/accounts/conversations/([^/]+)/messages/([^/]+)/retry/?$");
    private static final long MAX_DRAINED_REFUSAL = 64 * 1024;

    private final FaultInjector faults;
    private final FaultResponder faultResponder;
    private final Throttle throttle;
    private final Authentication authentication;
    private final MessageCreation messages;
    private final ResponseWriter writer;

    ApiHandler(FaultInjector faults, Throttle throttle, Authentication authentication, MessageCreation messages,
            ResponseWriter writer) {
        this.faults = faults;
        this.faultResponder = new FaultResponder(writer);
        this.throttle = throttle;
        this.authentication = authentication;
        this.messages = messages;
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
        Matcher create = MESSAGES.matcher(path);
        if (create.matches()) {
            return post ? messages.create(call, create.group(1)) : methodNotAllowed();
        }
        Matcher retry = RETRY.matcher(path);
        if (retry.matches()) {
            return post ? messages.retry(retry.group(1), retry.group(2)) : methodNotAllowed();
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

    private static ApiResponse methodNotAllowed() {
        return new ApiResponse(405, ApiResponse.JSON,
                ErrorBodies.error("Method not allowed").getBytes(StandardCharsets.UTF_8),
                Map.of("Allow", "POST"));
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
