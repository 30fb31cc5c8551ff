package io.github.camellivedesk;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camellivedesk.dispatch.Dispatcher;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.internal.LiveDeskBinding;
import io.github.camellivedesk.internal.LiveDeskClient;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskRequestValidator;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.model.ExternalError;
import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * Sends each exchange without blocking: binding → validator → client, in one direction. The exchange is read and
 * validated on the caller's thread, and the route continues on the HTTP I/O thread when LiveDesk answers (or on the
 * component's worker threads with {@code continueOnIoThread=false}). An answer that is already complete when the send
 * returns (a fast loopback server) continues on the caller's thread, which Camel allows: {@code process} still returns
 * false and the callback is completed exactly once on every path.
 */
public class LiveDeskProducer extends DefaultAsyncProducer {

    private final boolean throwExceptionOnFailure;
    private final boolean continueOnIoThread;
    private final boolean preserveOrder;
    private LiveDeskBinding binding;
    private LiveDeskRequestValidator validator;
    private LiveDeskClient client;
    private WritableHealthCheckRepository healthCheckRepository;
    private volatile LiveDeskProducerHealthCheck healthCheck;

    public LiveDeskProducer(LiveDeskEndpoint endpoint) {
        super(endpoint);
        this.throwExceptionOnFailure = endpoint.getConfiguration().isThrowExceptionOnFailure();
        this.continueOnIoThread = endpoint.getConfiguration().isContinueOnIoThread();
        this.preserveOrder = endpoint.getConfiguration().isPreserveOrder();
    }

    @Override
    public LiveDeskEndpoint getEndpoint() {
        return (LiveDeskEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        LiveDeskRequest request = null;
        try {
            request = binding.bind(exchange);
            validator.validate(request);
        } catch (Throwable e) {
            // nothing was sent: complete synchronously, and close the streams handed to us
            if (request instanceof LiveDeskRequest.Send send) {
                send.closeStreams();
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        String conversationId = request.conversationId().value();
        BiConsumer<LiveDeskResponse, Throwable> complete = (response, failure) -> {
            try {
                LiveDeskProducerHealthCheck check = healthCheck;
                if (check != null) {
                    check.onOutcome(failure);
                }
                if (failure != null) {
                    onFailure(exchange, failure);
                } else {
                    onResponse(exchange, response, conversationId);
                }
            } catch (Throwable e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        };
        // the one place a validated request leaves the Camel layer: in its conversation's order, paced to the limits
        LiveDeskRequest validated = request;
        boolean[] handedToClient = {false};
        Dispatcher dispatcher = getEndpoint().getComponent().dispatcher();
        if (dispatcher == null) {
            if (validated instanceof LiveDeskRequest.Send send) {
                send.closeStreams();
            }
            exchange.setException(new LiveDeskTransportException(
                    "The LiveDesk component is stopped; nothing was sent, so sending it again is safe", false, null));
            callback.done(true);
            return true;
        }
        CompletableFuture<LiveDeskResponse> answer = dispatcher.submit(conversationId, preserveOrder, () -> {
                    handedToClient[0] = true;
                    return client.send(validated);
                });
        if (validated instanceof LiveDeskRequest.Send send) {
            // refused by a full queue or a stopping component: the client never got the streams to close
            answer.whenComplete((response, failure) -> {
                if (!handedToClient[0]) {
                    send.closeStreams();
                }
            });
        }
        if (continueOnIoThread) {
            answer.whenComplete(complete);
        } else {
            answer.whenCompleteAsync(complete, getEndpoint().getComponent().transport().workers());
        }
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        binding = getEndpoint().getBinding();
        validator = getEndpoint().getValidator();
        client = getEndpoint().getClient();
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

    private void onResponse(Exchange exchange, LiveDeskResponse response, String conversationId) {
        LiveDeskMessage message = response.message();
        Message out = exchange.getMessage();
        out.setBody(message);
        out.setHeader(LiveDeskConstants.MESSAGE_ID, message.id());
        out.setHeader(LiveDeskConstants.MESSAGE_STATUS, message.status());
        out.setHeader(LiveDeskConstants.HTTP_RESPONSE_CODE, response.statusCode());
        ExternalError error = message.externalError().orElse(null);
        if (error != null) {
            out.setHeader(LiveDeskConstants.EXTERNAL_ERROR, error.raw());
        } else {
            out.removeHeader(LiveDeskConstants.EXTERNAL_ERROR);
        }
        if (message.isFailed() && throwExceptionOnFailure) {
            exchange.setException(new LiveDeskMessageFailedException(message, conversationId));
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
}
