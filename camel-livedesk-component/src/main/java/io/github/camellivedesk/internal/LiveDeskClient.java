package io.github.camellivedesk.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducers;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskResponseException;
import io.github.camellivedesk.error.LiveDeskStatusRefusedException;
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.ContactInbox;
import io.github.camellivedesk.model.ConversationStatus;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.StatusChange;

/**
 * Sends validated {@link LiveDeskRequest}s to one LiveDesk account over the component's {@link LiveDeskTransport};
 * knows nothing of Camel. {@link #send} makes one attempt and returns at once; its future completes on an I/O thread
 * with the status and the message LiveDesk answered, or exceptionally with a {@link LiveDeskException}. Whether and
 * when to send again (after a 429), and closing the request's streams, are the dispatcher's. Thread-safe.
 */
public final class LiveDeskClient {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDeskClient.class);

    // A message is a few KB; an error body only needs an excerpt. Beyond this the rest of a body is discarded.
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final UnaryOperator<LiveDeskHttpException> NO_MAPPING = UnaryOperator.identity();

    private final LiveDeskTransport transport;
    private final LiveDeskApiPaths paths;
    private final String target;
    private final RedactedHeader authorization;
    private final Duration requestTimeout;
    private final RequestConfig requestConfig;
    private final Clock clock;

    /** A client for one account; the options have been checked when the endpoint started. */
    public LiveDeskClient(LiveDeskTransport transport, String baseUrl, String apiKey, String apiSecret,
            Duration requestTimeout) {
        this(transport, baseUrl, LiveDeskCredentials.of(apiKey, apiSecret), requestTimeout, Clock.systemUTC());
    }

    LiveDeskClient(LiveDeskTransport transport, String baseUrl, LiveDeskCredentials credentials,
            Duration requestTimeout,
            Clock clock) {
        this.transport = transport;
        this.paths = new LiveDeskApiPaths(baseUrl);
        this.target = URI.create(baseUrl).getHost();
        this.authorization = new RedactedHeader(HttpHeaders.AUTHORIZATION, credentials.authorizationHeader());
        this.requestTimeout = requestTimeout;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout)).build();
        this.clock = clock;
    }

    /**
     * Sends a request once: a text message as JSON, files as streaming multipart, a template as JSON, a retry with an
     * empty body. Never throws; every failure completes the future, a 429 with a {@code LiveDeskRateLimitException}.
     *
     * @param attempt how many times this request has been sent before, plus one; the errors report it
     */
    public CompletableFuture<LiveDeskResponse> send(LiveDeskRequest request, int attempt) {
        CompletableFuture<LiveDeskResponse> result = new CompletableFuture<>();
        try {
            if (request instanceof LiveDeskRequest.Send send) {
                String conversationId = send.conversationId().value();
                Supplier<String> subject = () -> conversation(conversationId);
                if (send.hasAttachments()) {
                    MultipartBody body = MultipartBody.of(send);
                    attempt(new Call(Method.POST, paths.messages(conversationId),
                            () -> body.newEntityProducer(transport.blockingReads()), subject, Answer.MESSAGE,
                            NO_MAPPING, result), attempt);
                } else {
                    json(paths.messages(conversationId), toSendMessage(send), subject, Answer.MESSAGE, NO_MAPPING,
                            result, attempt);
                }
            } else if (request instanceof LiveDeskRequest.Template template) {
                String conversationId = template.conversationId().value();
                json(paths.messages(conversationId), template.message(), () -> conversation(conversationId),
                        Answer.MESSAGE, NO_MAPPING, result, attempt);
            } else if (request instanceof LiveDeskRequest.Retry retry) {
                String conversationId = retry.conversationId().value();
                long messageId = retry.messageId().value();
                // an explicit empty body: proxies in front of Rails answer 411 to a POST without Content-Length
                attempt(new Call(Method.POST, paths.retry(conversationId, messageId),
                        () -> AsyncEntityProducers.create(new byte[0], null),
                        () -> conversation(conversationId) + " or message " + messageId, Answer.MESSAGE, NO_MAPPING,
                        result), attempt);
            } else if (request instanceof LiveDeskRequest.CreateContact contact) {
                json(paths.contacts(), contact.body(), () -> "inbox " + contact.inboxId().value(), Answer.CONTACT,
                        NO_MAPPING, result, attempt);
            } else if (request instanceof LiveDeskRequest.CreateConversation conversation) {
                json(paths.conversations(), conversation.body(), () -> "inbox " + conversation.inboxId().value()
                        + " or contact " + (conversation.contactId().value() != null ? conversation.contactId().value()
                                : "with source id " + LogSafe.quote(conversation.sourceId().value())),
                        Answer.CONVERSATION, NO_MAPPING, result, attempt);
            } else if (request instanceof LiveDeskRequest.SearchContacts search) {
                attempt(new Call(Method.GET, paths.contactSearch(search.query(), search.page()), () -> null,
                        () -> "contact search", Answer.CONTACT_PAGE, NO_MAPPING, result), attempt);
            } else if (request instanceof LiveDeskRequest.ContactConversations list) {
                attempt(new Call(Method.GET, paths.contactConversations(list.contactId()), () -> null,
                        () -> "contact " + list.contactId(), Answer.CONVERSATIONS, NO_MAPPING, result), attempt);
            } else if (request instanceof LiveDeskRequest.ToggleStatus toggle) {
                String conversationId = toggle.conversationId().value();
                String status = ConversationStatus.fromWire(toggle.status().value()).wireValue();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", status);
                if (toggle.snoozedUntil().value() != null) {
                    body.put("snoozed_until", toggle.snoozedUntil().value());
                }
                json(paths.toggleStatus(conversationId), body, () -> conversation(conversationId), Answer.STATUS,
                        refused -> refused.getStatusCode() == 422
                                ? new LiveDeskStatusRefusedException(refused, conversationId, status)
                                : refused,
                        result, attempt);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static String conversation(String conversationId) {
        return "conversation " + LogSafe.quote(conversationId);
    }

    private static SendMessageRequest toSendMessage(LiveDeskRequest.Send send) {
        return SendMessageRequest.builder().content(send.content().value())
                .privateMessage(send.privateMessage().value())
                .inReplyTo(send.inReplyTo().value()).build();
    }

    private void json(URI uri, Object model, Supplier<String> subject, Answer answer,
            UnaryOperator<LiveDeskHttpException> refusal, CompletableFuture<LiveDeskResponse> result, int attempt) {
        byte[] json;
        try {
            json = LiveDeskJson.writer().writeValueAsBytes(model);
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("request", "cannot be written as JSON: " + e.getOriginalMessage(),
                    "Check the values of the request", e);
        }
        attempt(new Call(Method.POST, uri, () -> AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON),
                subject, answer,
                refusal, result), attempt);
    }

    private void attempt(Call call, int attempt) {
        BasicHttpRequest request = new BasicHttpRequest(call.method, call.uri);
        request.setHeader(authorization);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        TrackingRequestProducer producer;
        try {
            producer = new TrackingRequestProducer(request, call.entity.get());
        } catch (LiveDeskException e) {
            call.result.completeExceptionally(e);
            return;
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(requestConfig);
        AtomicBoolean timedOut = new AtomicBoolean();
        Callback callback = new Callback(call, attempt, producer, context, timedOut);
        Future<LiveDeskHttpResponse> future;
        try {
            future = transport.http().execute(producer, new BoundedResponseConsumer(MAX_RESPONSE_BYTES), null, context,
                    callback);
        } catch (RuntimeException e) {
            // the client was closed or its reactor died: nothing was sent
            call.result.completeExceptionally(TransportFailures.classify(e, target, false));
            return;
        }
        callback.request = future;
        transport.inFlight(future);
        try {
            // the response timeout only bounds silence between packets; this bounds the whole exchange, so a
            // server that drips its answer cannot hold a message forever
            callback.deadline = transport.scheduler().schedule(() -> {
                timedOut.set(true);
                future.cancel(true);
            }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the request is on its way: without a deadline the response timeout still bounds it; failing it here
            // would report a message as not sent that LiveDesk may store
            LOG.debug("No deadline for {} {}: {}", call.method, call.uri.getPath(), e.toString());
            return;
        }
        if (future.isDone()) {
            callback.deadline.cancel(false);
        }
    }

    private void onResponse(Call call, int attempt, LiveDeskHttpResponse response) {
        LOG.debug("{} {} answered {} ({} bytes, attempt {})", call.method, call.uri.getPath(), response.status(),
                response.body().length, attempt);
        if (!response.isSuccess()) {
            LiveDeskHttpException failure = ErrorResponses.toException(response, attempt, clock, call.subject().get());
            call.result.completeExceptionally(call.refusal().apply(failure));
            return;
        }
        call.result.complete(new LiveDeskResponse(response.status(), parse(response, call.answer())));
    }

    private static Object parse(LiveDeskHttpResponse response, Answer answer) {
        if (response.truncated()) {
            throw new LiveDeskResponseException(
                    "LiveDesk answered HTTP " + response.status() + " with a body over the limit of "
                            + MAX_RESPONSE_BYTES + " bytes, which is not " + answer.what,
                    response.status(), response.excerpt(), null);
        }
        if (response.body().length == 0) {
            throw new LiveDeskResponseException("LiveDesk answered HTTP " + response.status() + " with an empty body; "
                    + answer.what + " was probably " + answer.done, response.status(), "", null);
        }
        try {
            return answer.read(response.body());
        } catch (IOException | RuntimeException e) {
            throw new LiveDeskResponseException("LiveDesk answered HTTP " + response.status()
                    + " with a body that is not " + answer.what + " (" + e.getClass().getSimpleName()
                    + "); it was probably " + answer.done, response.status(), response.excerpt(), e);
        }
    }

    /** What an answer holds, and how to read it. */
    private enum Answer {
        MESSAGE("a message", "stored") {
            @Override
            Object read(byte[] body) throws IOException {
                return LiveDeskJson.messageReader().readValue(body);
            }
        },
        CONTACT("a contact", "created") {
            @Override
            Object read(byte[] body) throws IOException {
                // {"payload": {"contact": {...}, "contact_inbox": {...}}}: the contact inbox may also come beside it
                JsonNode payload = LiveDeskJson.mapper().readTree(body).path("payload");
                JsonNode contact = payload.path("contact");
                if (!contact.isObject() || !contact.path("id").canConvertToLong()) {
                    throw new IOException("no payload.contact with an id");
                }
                LiveDeskContact read = LiveDeskJson.mapper().treeToValue(contact, LiveDeskContact.class);
                JsonNode contactInbox = payload.path("contact_inbox");
                return contactInbox.isObject() && read.contactInboxes().isEmpty()
                        ? read.withContactInbox(LiveDeskJson.mapper().treeToValue(contactInbox, ContactInbox.class))
                        : read;
            }
        },
        CONVERSATION("a conversation", "created") {
            @Override
            Object read(byte[] body) throws IOException {
                JsonNode tree = LiveDeskJson.mapper().readTree(body);
                JsonNode conversation = tree.path("id").canConvertToLong() ? tree : tree.path("payload");
                if (!conversation.path("id").canConvertToLong()) {
                    throw new IOException("no conversation id");
                }
                return LiveDeskJson.mapper().treeToValue(conversation, LiveDeskConversation.class);
            }
        },
        CONTACT_PAGE("a page of contacts", "found") {
            @Override
            Object read(byte[] body) throws IOException {
                // {"meta": {"count": N, "current_page": "1"}, "payload": [contact, ...]}
                JsonNode tree = LiveDeskJson.mapper().readTree(body);
                List<LiveDeskContact> contacts = payloadList(tree, LiveDeskContact.class);
                return new ContactPage(contacts, tree.path("meta").path("count").asLong(contacts.size()));
            }
        },
        CONVERSATIONS("a list of conversations", "found") {
            @Override
            Object read(byte[] body) throws IOException {
                return payloadList(LiveDeskJson.mapper().readTree(body), LiveDeskConversation.class);
            }
        },
        STATUS("a status change", "made") {
            @Override
            Object read(byte[] body) throws IOException {
                JsonNode payload = LiveDeskJson.mapper().readTree(body).path("payload");
                if (!payload.isObject()) {
                    throw new IOException("no payload");
                }
                return LiveDeskJson.mapper().treeToValue(payload, StatusChange.class);
            }
        };

        private final String what;
        private final String done;

        Answer(String what, String done) {
            this.what = what;
            this.done = done;
        }

        abstract Object read(byte[] body) throws IOException;

        /** Chatwoot's list answers: {@code {"payload": [item, ...]}}. */
        private static <T> List<T> payloadList(JsonNode tree, Class<T> type) throws IOException {
            JsonNode payload = tree.path("payload");
            if (!payload.isArray()) {
                throw new IOException("no payload list");
            }
            List<T> items = new ArrayList<>();
            for (JsonNode item : payload) {
                items.add(LiveDeskJson.mapper().treeToValue(item, type));
            }
            return List.copyOf(items);
        }
    }

    @Override
    public String toString() {
        return "LiveDeskClient[" + target + "]";
    }

    /**
     * One request through its attempts.
     *
     * @param messageId the message a retry is about, else null
     */
    /**
     * @param subject what the request is about, for error messages; built only when one is needed
     * @param refusal turns an error answer into the operation's own exception, where it has one
     */
    private record Call(Method method, URI uri, Supplier<AsyncEntityProducer> entity, Supplier<String> subject,
            Answer answer,
            UnaryOperator<LiveDeskHttpException> refusal, CompletableFuture<LiveDeskResponse> result) {
    }

    /** Completes the call's future exactly once, whichever way the exchange ends. */
    private final class Callback implements FutureCallback<LiveDeskHttpResponse> {
        private final Call call;
        private final int attempt;
        private final TrackingRequestProducer producer;
        private final HttpClientContext context;
        private final AtomicBoolean timedOut;
        private volatile ScheduledFuture<?> deadline;
        private volatile Future<?> request;

        Callback(Call call, int attempt, TrackingRequestProducer producer, HttpClientContext context,
                AtomicBoolean timedOut) {
            this.call = call;
            this.attempt = attempt;
            this.producer = producer;
            this.context = context;
            this.timedOut = timedOut;
        }

        /** Whether bytes may have left: the component's client marks it; a user's client is taken at its word. */
        private boolean mayHaveLeft() {
            return RequestProgress.mayHaveLeft(context, producer.isSent());
        }

        @Override
        public void completed(LiveDeskHttpResponse response) {
            answered();
            try {
                onResponse(call, attempt, response);
            } catch (RuntimeException e) {
                call.result.completeExceptionally(e);
            }
        }

        @Override
        public void failed(Exception failure) {
            if (failure instanceof BoundedResponseConsumer.BodyOverLimitException overLimit) {
                // the answer is complete as far as it was read: judge it like any other
                completed(overLimit.response());
                return;
            }
            answered();
            producer.releaseBlockingReads();
            LOG.debug("{} {} failed: {}", call.method, call.uri.getPath(), failure.toString());
            call.result.completeExceptionally(TransportFailures.classify(failure, target, mayHaveLeft()));
        }

        @Override
        public void cancelled() {
            answered();
            // a read of a stalled attachment stream ends now, not when an I/O thread gets to it
            producer.releaseBlockingReads();
            boolean sent = mayHaveLeft();
            if (timedOut.get()) {
                call.result.completeExceptionally(new LiveDeskTimeoutException("No complete answer from " + target
                        + " within requestTimeout (" + requestTimeout.toMillis() + " ms)"
                        + (sent ? "; the request was sent, so LiveDesk may have stored the message"
                                : "; the request was not sent"),
                        sent, null));
            } else {
                call.result.completeExceptionally(TransportFailures.classify(new CancellationException("cancelled"),
                        target, sent));
            }
        }

        /** The exchange ended: it is no longer in flight, and its deadline is not needed. */
        private void answered() {
            Future<?> tracked = request;
            if (tracked != null) {
                transport.answered(tracked);
            }
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
