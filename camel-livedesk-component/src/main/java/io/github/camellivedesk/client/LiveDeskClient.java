package io.github.camellivedesk.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
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
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.SendMessageRequest;
import io.github.camellivedesk.model.TemplateMessage;

/**
 * A non-blocking client for the LiveDesk Send Message API, independent of Camel.
 * <p>
 * Every call validates its input first and throws {@link LiveDeskValidationException} before anything is sent.
 * Otherwise it returns at once; the future completes on an I/O thread with the {@link LiveDeskMessage} LiveDesk
 * answered (also when its {@code status} is {@code failed}: that is the caller's decision) or exceptionally with a
 * {@link LiveDeskException}. A 429 is sent again after the wait the {@link RateLimitPolicy} allows, without
 * holding a thread. No thread ever waits for a response.
 * <p>
 * Thread-safe. Many clients (one per set of credentials) can share one {@link CloseableHttpAsyncClient}.
 */
public final class LiveDeskClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDeskClient.class);

    // A message is a few KB; an error body only needs an excerpt. Beyond this the rest of a body is discarded.
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final CloseableHttpAsyncClient http;
    private final ScheduledExecutorService scheduler;
    private final LiveDeskApiPaths paths;
    private final String target;
    private final RedactedHeader authorization;
    private final Duration requestTimeout;
    private final RequestConfig requestConfig;
    private final RateLimitPolicy rateLimitPolicy;
    private final RequestValidator validator;
    private final Clock clock;
    private final List<AutoCloseable> owned;

    private LiveDeskClient(Builder builder, CloseableHttpAsyncClient http, ScheduledExecutorService scheduler,
                           List<AutoCloseable> owned) {
        this.http = http;
        this.scheduler = scheduler;
        this.paths = new LiveDeskApiPaths(builder.baseUrl);
        this.target = URI.create(builder.baseUrl).getHost();
        this.authorization = new RedactedHeader(HttpHeaders.AUTHORIZATION, builder.credentials.authorizationHeader());
        this.requestTimeout = builder.requestTimeout;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(builder.requestTimeout)).build();
        this.rateLimitPolicy = builder.rateLimitPolicy;
        this.validator = new RequestValidator(builder.limits);
        this.clock = builder.clock;
        this.owned = owned;
    }

    /** A builder; {@code apiKey}, {@code apiSecret} (or credentials) are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sends a text message (JSON) or, when the request has attachments, a multipart message. */
    public CompletableFuture<LiveDeskMessage> sendMessage(String conversationId, SendMessageRequest request) {
        try {
            validator.conversationId(conversationId);
            validator.sendMessage(request);
        } catch (LiveDeskValidationException e) {
            if (request != null) {
                // a stream handed to us is ours to close, even when it is never sent
                request.attachments().forEach(attachment -> {
                    if (attachment != null) {
                        attachment.source().release();
                    }
                });
            }
            throw e;
        }
        URI uri = paths.messages(conversationId);
        if (request.hasAttachments()) {
            MultipartBody body = MultipartBody.of(request);
            return execute(uri, body::newEntityProducer, body.isRepeatable());
        }
        byte[] json = toJson(request);
        return execute(uri, () -> AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON), true);
    }

    /** Sends a WhatsApp template message. */
    public CompletableFuture<LiveDeskMessage> sendTemplate(String conversationId, TemplateMessage message) {
        validator.conversationId(conversationId);
        validator.template(message);
        byte[] json = toJson(message);
        return execute(paths.messages(conversationId),
                () -> AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON), true);
    }

    /** Asks LiveDesk to resend a message whose status is {@code failed}. */
    public CompletableFuture<LiveDeskMessage> retryMessage(String conversationId, long messageId) {
        validator.conversationId(conversationId);
        validator.messageId(messageId);
        // an explicit empty body: proxies in front of Rails answer 411 to a POST without Content-Length
        return execute(paths.retry(conversationId, messageId), () -> AsyncEntityProducers.create(new byte[0], null), true);
    }

    private static byte[] toJson(Object model) {
        try {
            return LiveDeskJson.writer().writeValueAsBytes(model);
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("message", "cannot be written as JSON: " + e.getOriginalMessage(),
                    "Check the values of the request", e);
        }
    }

    private CompletableFuture<LiveDeskMessage> execute(URI uri, Supplier<AsyncEntityProducer> entity, boolean repeatable) {
        CompletableFuture<LiveDeskMessage> result = new CompletableFuture<>();
        attempt(new Call(uri, entity, repeatable, result), 1);
        return result;
    }

    private void attempt(Call call, int attempt) {
        BasicHttpRequest request = new BasicHttpRequest(Method.POST, call.uri);
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
        Callback callback = new Callback(call, attempt, producer, timedOut);
        Future<LiveDeskHttpResponse> future;
        try {
            future = http.execute(producer, new BoundedResponseConsumer(MAX_RESPONSE_BYTES), null, context, callback);
        } catch (RuntimeException e) {
            // the client was closed or its reactor died: nothing was sent
            call.result.completeExceptionally(TransportFailures.classify(e, target, false));
            return;
        }
        try {
            // the response timeout only bounds silence between packets; this bounds the whole exchange, so a
            // server that drips its answer cannot hold a message forever
            callback.deadline = scheduler.schedule(() -> {
                timedOut.set(true);
                future.cancel(true);
            }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the request is on its way: without a deadline the response timeout still bounds it; failing it here
            // would report a message as not sent that LiveDesk may store
            LOG.debug("No deadline for POST {}: {}", call.uri.getPath(), e.toString());
            return;
        }
        if (future.isDone()) {
            callback.deadline.cancel(false);
        }
    }

    private void onResponse(Call call, int attempt, LiveDeskHttpResponse response) {
        LOG.debug("POST {} answered {} ({} bytes, attempt {})", call.uri.getPath(), response.status(),
                response.body().length, attempt);
        if (response.status() == 429 && call.repeatable) {
            Optional<Duration> wait = rateLimitPolicy.waitBeforeRetry(attempt,
                    RetryAfter.parse(response.retryAfter(), clock));
            if (wait.isPresent()) {
                LOG.debug("POST {} rate limited; sending again in {} ms", call.uri.getPath(), wait.get().toMillis());
                try {
                    scheduler.schedule(() -> attempt(call, attempt + 1), wait.get().toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the scheduler is shutting down: report the 429 as it is, the request was not processed
                }
            }
        }
        if (!response.isSuccess()) {
            LiveDeskHttpException failure = ErrorResponses.toException(response, attempt, clock);
            call.result.completeExceptionally(failure);
            return;
        }
        call.result.complete(parse(response));
    }

    private static LiveDeskMessage parse(LiveDeskHttpResponse response) {
        if (response.truncated()) {
            throw new LiveDeskResponseException("LiveDesk answered HTTP " + response.status() + " with a body over "
                                                + MAX_RESPONSE_BYTES + " bytes, which is not a message",
                    response.status(), response.excerpt(), null);
        }
        if (response.body().length == 0) {
            throw new LiveDeskResponseException("LiveDesk answered HTTP " + response.status() + " with an empty body; "
                                                + "the message was probably stored", response.status(), "", null);
        }
        try {
            return LiveDeskJson.messageReader().readValue(response.body());
        } catch (IOException e) {
            throw new LiveDeskResponseException("LiveDesk answered HTTP " + response.status()
                                                + " with a body that is not a message (" + e.getClass().getSimpleName()
                                                + "); the message was probably stored", response.status(), response.excerpt(), e);
        }
    }

    /** Closes what this client created itself; a shared HTTP client or scheduler is left to its owner. */
    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "LiveDeskClient[" + target + "]";
    }

    private record Call(URI uri, Supplier<AsyncEntityProducer> entity, boolean repeatable,
                        CompletableFuture<LiveDeskMessage> result) {
    }

    /** Completes the call's future exactly once, whichever way the exchange ends. */
    private final class Callback implements FutureCallback<LiveDeskHttpResponse> {
        private final Call call;
        private final int attempt;
        private final TrackingRequestProducer producer;
        private final AtomicBoolean timedOut;
        private volatile ScheduledFuture<?> deadline;

        Callback(Call call, int attempt, TrackingRequestProducer producer, AtomicBoolean timedOut) {
            this.call = call;
            this.attempt = attempt;
            this.producer = producer;
            this.timedOut = timedOut;
        }

        @Override
        public void completed(LiveDeskHttpResponse response) {
            stopDeadline();
            try {
                onResponse(call, attempt, response);
            } catch (RuntimeException e) {
                call.result.completeExceptionally(e);
            }
        }

        @Override
        public void failed(Exception failure) {
            stopDeadline();
            LOG.debug("POST {} failed: {}", call.uri.getPath(), failure.toString());
            call.result.completeExceptionally(TransportFailures.classify(failure, target, producer.isSent()));
        }

        @Override
        public void cancelled() {
            stopDeadline();
            if (timedOut.get()) {
                call.result.completeExceptionally(new LiveDeskTimeoutException("No complete answer from " + target
                                                                               + " within requestTimeout (" + requestTimeout.toMillis() + " ms)"
                                                                               + (producer.isSent() ? "; the request was sent, so LiveDesk may have stored the message"
                                                                                       : "; the request was not sent"),
                        producer.isSent(), null));
            } else {
                call.result.completeExceptionally(TransportFailures.classify(
                        new java.util.concurrent.CancellationException("cancelled"), target, producer.isSent()));
            }
        }

        private void stopDeadline() {
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }

    /** Builds a {@link LiveDeskClient}. */
    public static final class Builder {
        private String baseUrl = "https://livedesk-api.engagelab.com";
        private LiveDeskCredentials credentials;
        private String apiKey;
        private String apiSecret;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RateLimitPolicy rateLimitPolicy = RateLimitPolicy.DEFAULT;
        private LiveDeskLimits limits = LiveDeskLimits.DEFAULT;
        private HttpTransportSettings transport = HttpTransportSettings.DEFAULT;
        private CloseableHttpAsyncClient httpClient;
        private ScheduledExecutorService scheduler;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The service root; default {@code https://livedesk-api.engagelab.com}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The API key. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** The API secret. */
        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        /** Credentials built once and shared. */
        public Builder credentials(LiveDeskCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The longest a request may take from sending to the last byte of the answer; default 60 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** What to do on a 429; default {@link RateLimitPolicy#DEFAULT}. */
        public Builder rateLimitPolicy(RateLimitPolicy rateLimitPolicy) {
            this.rateLimitPolicy = rateLimitPolicy;
            return this;
        }

        /** Limits checked before sending; default {@link LiveDeskLimits#DEFAULT}. */
        public Builder limits(LiveDeskLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Pool settings when the client creates its own HTTP client. */
        public Builder transport(HttpTransportSettings transport) {
            this.transport = transport;
            return this;
        }

        /** A started, shared HTTP client; the client never closes it. */
        public Builder httpClient(CloseableHttpAsyncClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** A shared scheduler for rate-limit waits and deadlines; the client never shuts it down. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** The clock {@code Retry-After} dates are measured against. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public LiveDeskClient build() {
            if (credentials == null) {
                try {
                    credentials = LiveDeskCredentials.of(apiKey, apiSecret);
                } catch (IllegalArgumentException missing) {
                    // our exception is the whole story: a cause would make Camel report it as the root cause
                    throw new LiveDeskValidationException(apiKey == null || apiKey.isBlank() ? "option apiKey" : "option apiSecret",
                            "is missing or blank",
                            "Copy the API Key and API Secret from the LiveDesk API Key page into the apiKey and apiSecret options");
                }
            }
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new LiveDeskValidationException("option requestTimeout", "'" + requestTimeout + "' is not a positive duration",
                        "Use e.g. 60s");
            }
            new LiveDeskApiPaths(baseUrl);
            List<AutoCloseable> owned = new ArrayList<>();
            CloseableHttpAsyncClient http = httpClient;
            if (http == null) {
                PooledHttpClient created = LiveDeskHttpClients.create(transport);
                http = created.client();
                owned.add(created);
            }
            ScheduledExecutorService timer = scheduler;
            if (timer == null) {
                timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "livedesk-client-scheduler");
                    thread.setDaemon(true);
                    return thread;
                });
                ScheduledExecutorService created = timer;
                owned.add(created::shutdownNow);
            }
            return new LiveDeskClient(this, http, timer, owned);
        }
    }
}
