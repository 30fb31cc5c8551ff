package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * The LiveDesk API under {@code /api/}: faults first (as real infrastructure fails before the application), then
 * Basic authentication, then the two documented calls.
 */
final class ApiHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());
    private static final Pattern MESSAGES = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/messages/?$");
    private static final Pattern RETRY = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/messages/([^/]+)/retry/?$");
    private static final Pattern CONVERSATION = Pattern.compile("^/api/v2/accounts/conversations/([^/]+)/");
    private static final int MAX_JSON_BYTES = 10 * 1024 * 1024;
    private static final int MAX_RECORDED_JSON = 64 * 1024;
    private static final long MAX_DRAINED_REFUSAL = 64 * 1024;

    private final LiveDeskSimulator simulator;
    private final String expectedAuthorization;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final MessageUploads uploads;
    private final Throttle throttle;
    private final Set<Delayed> delayed = ConcurrentHashMap.newKeySet();

    ApiHandler(LiveDeskSimulator simulator, String expectedAuthorization, Executor executor,
               ScheduledExecutorService scheduler, MessageUploads uploads, Throttle throttle) {
        this.simulator = simulator;
        this.expectedAuthorization = expectedAuthorization;
        this.executor = executor;
        this.scheduler = scheduler;
        this.uploads = uploads;
        this.throttle = throttle;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Instant received = Instant.now();
        Matcher matcher = CONVERSATION.matcher(exchange.getRequestURI().getRawPath());
        String conversation = matcher.find() ? matcher.group(1) : null;
        Fault fault = simulator.faults().next(conversation);
        if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
            // the delay holds no thread: the exchange stays open and is served when the timer fires
            Duration delay = FaultInjector.delay(fault);
            Delayed pending = new Delayed(exchange);
            delayed.add(pending);
            pending.timer = scheduler.schedule(() -> {
                if (delayed.remove(pending)) {
                    executor.execute(() -> serve(exchange, null, conversation, received));
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        serve(exchange, fault, conversation, received);
    }

    /** Drops the requests still waiting out a latency fault, so that they cannot land after a reset. */
    void cancelDelayed() {
        for (Delayed pending : delayed) {
            if (delayed.remove(pending)) {
                if (pending.timer != null) {
                    pending.timer.cancel(false);
                }
                pending.exchange.close();
            }
        }
    }

    private static final class Delayed {
        private final HttpExchange exchange;
        private volatile ScheduledFuture<?> timer;

        Delayed(HttpExchange exchange) {
            this.exchange = exchange;
        }
    }

    private void serve(HttpExchange exchange, Fault fault, String conversation, Instant received) {
        Request request = new Request(exchange, received);
        try {
            if (fault != null && !fault.processesRequest()) {
                injectWithoutProcessing(request, fault);
                return;
            }
            long retryAfter = throttle.admit(exchange.getRemoteAddress().getAddress(), conversation);
            if (retryAfter > 0) {
                send(request, throttled(request, retryAfter), Duration.ZERO);
                return;
            }
            ApiResponse response = process(request);
            if (fault == null) {
                send(request, response, Duration.ZERO);
                return;
            }
            switch (fault.kind()) {
                case DROP_AFTER_PROCESSING -> drop(request);
                case MALFORMED_JSON -> {
                    byte[] cut = Arrays.copyOf(response.body(), Math.max(1, response.body().length / 2));
                    send(request, new ApiResponse(200, ApiResponse.JSON, cut, Map.of()), Duration.ZERO);
                }
                case SLOW_BODY -> send(request, response, fault.minDelay());
                case STATUS -> send(request, new ApiResponse(fault.status(), fault.contentType(),
                        fault.body().getBytes(StandardCharsets.UTF_8), fault.headers()), Duration.ZERO);
                default -> send(request, response, Duration.ZERO);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Connection failed while serving " + request.path, e);
            exchange.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Simulator error while serving " + request.path, e);
            try {
                send(request, ApiResponse.json(500, ErrorBodies.error("Simulator error: " + e)), Duration.ZERO);
            } catch (IOException ignored) {
                exchange.close();
            }
        }
    }

    private void injectWithoutProcessing(Request request, Fault fault) throws IOException {
        switch (fault.kind()) {
            case DROP_BEFORE_READ -> drop(request);
            case DROP_AFTER_READ -> {
                request.drain();
                drop(request);
            }
            default -> {
                request.drain();
                if (fault.bodySize() >= 0) {
                    sendHuge(request, fault);
                } else {
                    send(request, new ApiResponse(fault.status(), fault.contentType(),
                            fault.body().getBytes(StandardCharsets.UTF_8), fault.headers()), Duration.ZERO);
                }
            }
        }
    }

    private ApiResponse process(Request request) throws IOException {
        String authorization = request.exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !constantTimeEquals(authorization, expectedAuthorization)) {
            return ApiResponse.json(401, ErrorBodies.error("Invalid API key or secret")).closing();
        }
        String path = request.exchange.getRequestURI().getRawPath();
        boolean post = "POST".equals(request.exchange.getRequestMethod());
        Matcher messages = MESSAGES.matcher(path);
        if (messages.matches()) {
            return post ? createMessage(request, messages.group(1)) : methodNotAllowed();
        }
        Matcher retry = RETRY.matcher(path);
        if (retry.matches()) {
            return post ? retry(retry.group(1), retry.group(2)) : methodNotAllowed();
        }
        return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
    }

    /** LiveDesk's throttling answer (DESIGN.md section 7): plain text, nothing stored. */
    private static ApiResponse throttled(Request request, long retryAfterSeconds) {
        ApiResponse response = new ApiResponse(429, "text/plain; charset=utf-8", "Retry later".getBytes(StandardCharsets.UTF_8),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
        // reading a large upload only to refuse it would cost more than the client reconnecting
        long length = request.bodyLength();
        return length >= 0 && length <= MAX_DRAINED_REFUSAL ? response : response.closing();
    }

    private static ApiResponse methodNotAllowed() {
        return new ApiResponse(405, ApiResponse.JSON, ErrorBodies.error("Method not allowed").getBytes(StandardCharsets.UTF_8),
                Map.of("Allow", "POST"));
    }

    private ApiResponse createMessage(Request request, String conversationSegment) throws IOException {
        SimulatedConversation conversation = simulator.conversationForRequest(conversationSegment);
        if (conversation == null) {
            return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
        }
        String contentType = request.exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return jsonMessage(request, conversation);
        }
        if (mediaType.equals("multipart/form-data")) {
            String boundary = MultipartReader.boundary(contentType);
            if (boundary == null || boundary.isEmpty()) {
                return ApiResponse.json(400, ErrorBodies.error("multipart/form-data without a boundary")).closing();
            }
            return uploads.receive(request, conversation, boundary);
        }
        return ApiResponse.json(415, ErrorBodies.error("Unsupported Content-Type " + (contentType == null ? "(none)" : contentType)
                                                       + ": use application/json or multipart/form-data")).closing();
    }

    @SuppressWarnings("unchecked")
    private ApiResponse jsonMessage(Request request, SimulatedConversation conversation) throws IOException {
        byte[] bytes = request.readBody(MAX_JSON_BYTES);
        if (bytes == null) {
            return ApiResponse.json(413, ErrorBodies.error("Request body larger than " + MAX_JSON_BYTES + " bytes")).closing();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        request.json = text.length() > MAX_RECORDED_JSON ? text.substring(0, MAX_RECORDED_JSON) : text;
        Object parsed;
        try {
            parsed = JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            return ApiResponse.json(400, ErrorBodies.error("Malformed JSON: " + e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?>)) {
            return ApiResponse.json(400, ErrorBodies.error("The request body must be a JSON object"));
        }
        Map<String, Object> body = (Map<String, Object>) parsed;
        boolean template = body.containsKey("template_params");
        String error = template ? MessageRules.templateMessage(body) : MessageRules.textMessage(body);
        if (error != null) {
            return ApiResponse.json(422, error);
        }
        Map<String, Object> params = template ? (Map<String, Object>) body.get("template_params") : null;
        String content = (String) body.get("content");
        if (template && (content == null || content.isBlank())) {
            // lenient where the documentation says required: the chat UI shows the template name instead
            content = (String) params.get("name");
        }
        Long inReplyTo = null;
        if (body.get("content_attributes") instanceof Map<?, ?> attributes && attributes.get("in_reply_to") instanceof Number n) {
            inReplyTo = n.longValue();
        }
        StoredMessage message = simulator.store().outgoing(conversation, simulator.store().nextMessageId(), content,
                Boolean.TRUE.equals(body.get("private")), inReplyTo, params == null ? null : java.util.Collections.unmodifiableMap(params),
                java.util.List.of());
        return ApiResponse.json(200, simulator.messageJson().render(message));
    }

    private ApiResponse retry(String conversationSegment, String messageSegment) {
        SimulatedConversation conversation = simulator.conversationForRequest(conversationSegment);
        Long messageId = LiveDeskSimulator.parseId(messageSegment);
        StoredMessage message = messageId == null ? null : simulator.store().message(messageId).orElse(null);
        if (conversation == null || message == null || message.conversationId() != conversation.id()) {
            return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
        }
        if (!message.isFailed()) {
            return ApiResponse.json(422, ErrorBodies.error("Message is not in failed state"));
        }
        return ApiResponse.json(200, simulator.messageJson().render(simulator.store().retry(conversation, message)));
    }

    private void send(Request request, ApiResponse response, Duration pause) throws IOException {
        HttpExchange exchange = request.exchange;
        if (response.headers().containsKey("Connection")) {
            request.markUnread(); // the connection closes: no point reading what the client still sends
        } else {
            request.drain();
        }
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach(exchange.getResponseHeaders()::set);
        simulator.requestLog().add(request.record(response.status()));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                if (pause.isZero()) {
                    out.write(body);
                } else {
                    int chunk = Math.max(1, body.length / 8);
                    for (int offset = 0; offset < body.length; offset += chunk) {
                        out.write(body, offset, Math.min(chunk, body.length - offset));
                        out.flush();
                        sleep(pause);
                    }
                }
            }
        } else {
            exchange.close();
        }
    }

    private void sendHuge(Request request, Fault fault) throws IOException {
        HttpExchange exchange = request.exchange;
        exchange.getResponseHeaders().set("Content-Type", fault.contentType());
        fault.headers().forEach(exchange.getResponseHeaders()::set);
        simulator.requestLog().add(request.record(fault.status()));
        exchange.sendResponseHeaders(fault.status(), fault.bodySize());
        byte[] chunk = "{\"error\":\"server exploded\"} ".repeat(300).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            long left = fault.bodySize();
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                left -= n;
            }
        } catch (IOException clientGaveUp) {
            // the client may stop reading a huge error page; that is its right
        }
    }

    private void drop(Request request) {
        simulator.requestLog().add(request.record(0));
        request.exchange.close();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** One request being served: what the log needs about it. */
    static final class Request {
        final HttpExchange exchange;
        final Instant received;
        final String path;
        long bodySize;
        String json;
        private boolean drained;

        Request(HttpExchange exchange, Instant received) {
            this.exchange = exchange;
            this.received = received;
            this.path = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        }

        /** The whole body, or null when it is longer than {@code max}. */
        byte[] readBody(int max) throws IOException {
            InputStream in = exchange.getRequestBody();
            byte[] bytes = in.readNBytes(max + 1);
            bodySize += bytes.length;
            if (bytes.length > max) {
                return null;
            }
            drained = true;
            return bytes;
        }

        InputStream body() {
            return new java.io.FilterInputStream(exchange.getRequestBody()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        bodySize++;
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        bodySize += n;
                    }
                    return n;
                }
            };
        }

        /** Reads what is left of the body so the connection can be reused. */
        void drain() throws IOException {
            if (!drained) {
                drained = true;
                bodySize += exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            }
        }

        /** The declared body length; -1 when chunked or unknown. */
        long bodyLength() {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length == null) {
                return -1;
            }
            try {
                return Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        void markUnread() {
            drained = true;
        }

        RecordedRequest record(int status) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            return new RecordedRequest(exchange.getRequestMethod(), path, RequestLog.redacted(exchange.getRequestHeaders()),
                    contentType, bodySize, json, received, status);
        }
    }
}
