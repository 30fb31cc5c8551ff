package io.github.camellivedesk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.mapping.LiveDeskCall;
import io.github.camellivedesk.mapping.RequestMapper;
import io.github.camellivedesk.model.ExternalError;
import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * Sends each exchange without blocking: the exchange is mapped and validated on the caller's thread, and the route
 * continues on the HTTP I/O thread when LiveDesk answers (or on the component's worker threads with
 * {@code continueOnIoThread=false}). An answer that is already complete when the send returns (a fast loopback
 * server) continues on the caller's thread, which Camel allows: {@code process} still returns false and the callback
 * is completed exactly once on every path.
 */
public class LiveDeskProducer extends DefaultAsyncProducer {

    private final RequestMapper mapper;
    private final boolean throwExceptionOnFailure;
    private final boolean continueOnIoThread;
    private WritableHealthCheckRepository healthCheckRepository;
    private volatile LiveDeskProducerHealthCheck healthCheck;

    public LiveDeskProducer(LiveDeskEndpoint endpoint) {
        super(endpoint);
        this.mapper = endpoint.createRequestMapper();
        this.throwExceptionOnFailure = endpoint.getConfiguration().isThrowExceptionOnFailure();
        this.continueOnIoThread = endpoint.getConfiguration().isContinueOnIoThread();
    }

    @Override
    public LiveDeskEndpoint getEndpoint() {
        return (LiveDeskEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            LiveDeskCall call = mapper.map(exchange);
            CompletableFuture<LiveDeskMessage> answer = call.sendWith(getEndpoint().getClient());
            BiConsumer<LiveDeskMessage, Throwable> complete = (message, failure) -> {
                try {
                    Throwable cause = failure == null ? null : unwrap(failure);
                    LiveDeskProducerHealthCheck check = healthCheck;
                    if (check != null) {
                        check.onOutcome(cause);
                    }
                    if (cause != null) {
                        onFailure(exchange, cause);
                    } else {
                        onMessage(exchange, message);
                    }
                } catch (Throwable e) {
                    exchange.setException(e);
                } finally {
                    callback.done(false);
                }
            };
            if (continueOnIoThread) {
                answer.whenComplete(complete);
            } else {
                answer.whenCompleteAsync(complete, getEndpoint().getComponent().sharedWorkers());
            }
            return false;
        } catch (Throwable e) {
            // validation (or any mapping error) happens before sending: complete synchronously
            exchange.setException(e);
            callback.done(true);
            return true;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // optional: there is a repository only when camel-health is set up and producer checks are enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            LiveDeskProducerHealthCheck check = new LiveDeskProducerHealthCheck(getEndpoint());
            check.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(check);
            healthCheck = check;
        }
    }

    @Override
    protected void doStop() throws Exception {
        LiveDeskProducerHealthCheck check = healthCheck;
        if (healthCheckRepository != null && check != null) {
            healthCheckRepository.removeHealthCheck(check);
        }
        healthCheck = null;
        healthCheckRepository = null;
        super.doStop();
    }

    private void onMessage(Exchange exchange, LiveDeskMessage message) {
        Message out = exchange.getMessage();
        out.setBody(message);
        out.setHeader(LiveDeskConstants.MESSAGE_ID, message.id());
        out.setHeader(LiveDeskConstants.MESSAGE_STATUS, message.status());
        out.setHeader(LiveDeskConstants.HTTP_RESPONSE_CODE, 200);
        ExternalError error = message.externalError().orElse(null);
        if (error != null) {
            out.setHeader(LiveDeskConstants.EXTERNAL_ERROR, error.raw());
        } else {
            out.removeHeader(LiveDeskConstants.EXTERNAL_ERROR);
        }
        if (message.isFailed() && throwExceptionOnFailure) {
            exchange.setException(new LiveDeskMessageFailedException(message));
        }
    }

    private void onFailure(Exchange exchange, Throwable failure) {
        if (!throwExceptionOnFailure && failure instanceof LiveDeskHttpException http) {
            Message out = exchange.getMessage();
            out.setBody(http.getResponseBodyExcerpt());
            out.setHeader(LiveDeskConstants.HTTP_RESPONSE_CODE, http.getStatusCode());
            out.removeHeader(LiveDeskConstants.MESSAGE_STATUS);
            out.removeHeader(LiveDeskConstants.EXTERNAL_ERROR);
            return;
        }
        exchange.setException(failure);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
