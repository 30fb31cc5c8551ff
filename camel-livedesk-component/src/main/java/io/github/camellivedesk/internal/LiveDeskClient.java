package io.github.camellivedesk.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;

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
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.SendMessageRequest;

/**
 * Sends validated {@link LiveDeskRequest}s to one LiveDesk account over the component's {@link LiveDeskTransport};
 * knows nothing of Camel. {@link #send} returns at once; its future completes on an I/O thread with the status and
 * the message LiveDesk answered, or exceptionally with a {@link LiveDeskException}. A 429 is sent again after the
 * wait the {@link RateLimitPolicy} allows, without holding a thread. Thread-safe.
 */
public final class LiveDeskClient {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDeskClient.class);

    // A message is a few KB; an error body only needs an excerpt. Beyond this the rest of a body is discarded.
    static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final LiveDeskTransport transport;
    private final LiveDeskApiPaths paths;
    private final String target;
    private final RedactedHeader authorization;
    private final Duration requestTimeout;
    private final RequestConfig requestConfig;
    private final RateLimitPolicy rateLimitPolicy;
    private final Clock clock;

    /**
     * A client for one account; the options have been validated by {@link LiveDeskRequestValidator}.
     *
     * @param rateLimitPolicy what to do on a 429
     */
    public LiveDeskClient(LiveDeskTransport transport, String baseUrl, String apiKey, String apiSecret,
                          Duration requestTimeout, RateLimitPolicy rateLimitPolicy) {
        this(transport, baseUrl, LiveDeskCredentials.of(apiKey, apiSecret), requestTimeout, rateLimitPolicy,
             Clock.systemUTC());
    }

    LiveDeskClient(LiveDeskTransport transport, String baseUrl, LiveDeskCredentials credentials, Duration requestTimeout,
                   RateLimitPolicy rateLimitPolicy, Clock clock) {
        this.transport = transport;
        this.paths = new LiveDeskApiPaths(baseUrl);
        this.target = URI.create(baseUrl).getHost();
        this.authorization = new RedactedHeader(HttpHeaders.AUTHORIZATION, credentials.authorizationHeader());
        this.requestTimeout = requestTimeout;
        this.requestConfig = RequestConfig.custom().setResponseTimeout(Timeout.of(requestTimeout)).build();
        this.rateLimitPolicy = rateLimitPolicy;
        this.clock = clock;
    }

    /**
     * Sends a request: a text message as JSON, files as streaming multipart, a template as JSON, a retry with an empty
     * body. Never throws; every failure completes the future. Streams among the attachments are closed when it ends.
     */
    public CompletableFuture<LiveDeskResponse> send(LiveDeskRequest request) {
        CompletableFuture<LiveDeskResponse> result = new CompletableFuture<>();
        try {
            String conversationId = request.conversationId().value();
            if (request instanceof LiveDeskRequest.Send send) {
                if (send.hasAttachments()) {
                    result.whenComplete((response, failure) -> send.closeStreams());
                    MultipartBody body = MultipartBody.of(send);
                    attempt(new Call(paths.messages(conversationId), body::newEntityProducer, body.isRepeatable(),
                            "conversation " + LiveDeskRequestValidator.quote(conversationId), result), 1);
                } else {
                    json(paths.messages(conversationId), toSendMessage(send), conversationId, result);
                }
            } else if (request instanceof LiveDeskRequest.Template template) {
                json(paths.messages(conversationId), template.message(), conversationId, result);
            } else if (request instanceof LiveDeskRequest.Retry retry) {
                long messageId = retry.messageId().value();
                // an explicit empty body: proxies in front of Rails answer 411 to a POST without Content-Length
                attempt(new Call(paths.retry(conversationId, messageId), () -> AsyncEntityProducers.create(new byte[0], null),
                        true, "conversation " + LiveDeskRequestValidator.quote(conversationId) + " or message " + messageId,
                        result), 1);
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    private static SendMessageRequest toSendMessage(LiveDeskRequest.Send send) {
        return SendMessageRequest.builder().content(send.content().value()).privateMessage(send.privateMessage().value())
                .inReplyTo(send.inReplyTo().value()).build();
    }

    private void json(URI uri, Object model, String conversationId, CompletableFuture<LiveDeskResponse> result) {
        byte[] json;
        try {
            json = LiveDeskJson.writer().writeValueAsBytes(model);
        } catch (JsonProcessingException e) {
            throw new LiveDeskValidationException("message", "cannot be written as JSON: " + e.getOriginalMessage(),
                    "Check the values of the request", e);
        }
        attempt(new Call(uri, () -> AsyncEntityProducers.create(json, ContentType.APPLICATION_JSON), true,
                "conversation " + LiveDeskRequestValidator.quote(conversationId), result), 1);
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
            future = transport.http().execute(producer, new BoundedResponseConsumer(MAX_RESPONSE_BYTES), null, context,
                    callback);
        } catch (RuntimeException e) {
            // the client was closed or its reactor died: nothing was sent
            call.result.completeExceptionally(TransportFailures.classify(e, target, false));
            return;
        }
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
                    transport.scheduler().schedule(() -> attempt(call, attempt + 1), wait.get().toMillis(),
                            TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the scheduler is shutting down: report the 429 as it is, the request was not processed
                }
            }
        }
        if (!response.isSuccess()) {
            LiveDeskHttpException failure = ErrorResponses.toException(response, attempt, clock, call.subject);
            call.result.completeExceptionally(failure);
            return;
        }
        call.result.complete(new LiveDeskResponse(response.status(), parse(response)));
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

    @Override
    public String toString() {
        return "LiveDeskClient[" + target + "]";
    }

    /**
     * One request through its attempts.
     *
     * @param subject what the request is about, for error messages: the conversation, and the message for a retry
     */
    private record Call(URI uri, Supplier<AsyncEntityProducer> entity, boolean repeatable, String subject,
                        CompletableFuture<LiveDeskResponse> result) {
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
                call.result.completeExceptionally(TransportFailures.classify(new CancellationException("cancelled"),
                        target, producer.isSent()));
            }
        }

        private void stopDeadline() {
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
