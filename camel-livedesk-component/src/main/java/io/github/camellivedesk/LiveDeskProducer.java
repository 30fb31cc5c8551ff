package io.github.camellivedesk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.internal.CustomerConversation;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.RequestRules;
import io.github.camellivedesk.internal.dispatch.Dispatcher;
import io.github.camellivedesk.model.ExternalError;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;
import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.StatusChange;

/**
 * Sends each exchange without blocking: bind → validate → submit → complete, in one direction. The exchange is read
 * and validated on the caller's thread; the component's dispatcher owns the request from then on and answers it once,
 * and the route continues on the HTTP I/O thread when LiveDesk answers (or on the component's worker threads with
 * {@code continueOnIoThread=false}). An answer that is already complete when the submit returns (a fast loopback
 * server) continues on the caller's thread, which Camel allows: {@code process} still returns false and the callback
 * is completed exactly once on every path.
 */
final class LiveDeskProducer extends DefaultAsyncProducer {

    private final boolean throwExceptionOnFailure;
    private final boolean continueOnIoThread;
    private Function<Exchange, LiveDeskRequest> binding;
    private RequestRules rules;
    private Dispatcher dispatcher;
    private Dispatcher.Sender sender;
    private Executor workers;
    private WritableHealthCheckRepository healthCheckRepository;
    private volatile LiveDeskProducerHealthCheck healthCheck;

    LiveDeskProducer(LiveDeskEndpoint endpoint) {
        super(endpoint);
        this.throwExceptionOnFailure = endpoint.getConfiguration().isThrowExceptionOnFailure();
        this.continueOnIoThread = endpoint.getConfiguration().isContinueOnIoThread();
    }

    @Override
    public LiveDeskEndpoint getEndpoint() {
        return (LiveDeskEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        LiveDeskRequest request = null;
        try {
            request = binding.apply(exchange);
            rules.validate(request);
        } catch (Throwable e) {
            // nothing was sent: complete synchronously, and let go of the streams the request holds
            if (request != null) {
                request.release();
            }
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        LiveDeskRequest sent = request;
        CompletableFuture<LiveDeskResponse> answer = dispatcher.submit(request, sender);
        BiConsumer<LiveDeskResponse, Throwable> complete = (response, failure) -> {
            try {
                LiveDeskProducerHealthCheck check = healthCheck;
                if (check != null) {
                    check.onOutcome(failure);
                }
                if (failure != null) {
                    onFailure(exchange, failure);
                } else {
                    onResponse(exchange, response, sent);
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
            answer.whenCompleteAsync(complete, workers);
        }
        return false;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LiveDeskEndpoint endpoint = getEndpoint();
        binding = endpoint.getBinding();
        rules = endpoint.getRules();
        sender = endpoint.getSender();
        dispatcher = endpoint.getComponent().dispatcher();
        workers = endpoint.getComponent().transport().workers();
        // optional: there is a repository only when camel-health is set up and producer checks are enabled
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            LiveDeskProducerHealthCheck check = new LiveDeskProducerHealthCheck(endpoint);
            check.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
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

    private void onResponse(Exchange exchange, LiveDeskResponse response, LiveDeskRequest request) {
        Message out = exchange.getMessage();
        out.setBody(response.answer());
        out.setHeader(LiveDeskConstants.HTTP_RESPONSE_CODE, response.statusCode());
        CustomerConversation customer = response.customer();
        if (customer != null) {
            // the conversation a message to a customer went to, for the route's next steps (and a retry)
            out.setHeader(LiveDeskConstants.CONVERSATION_ID, customer.conversationId());
            out.setHeader(LiveDeskConstants.CONTACT_ID, customer.contactId());
        }
        if (response.answer() instanceof LiveDeskMessage message) {
            onMessage(exchange, message, customer != null ? customer.conversationId() : request.orderKey());
        } else if (response.answer() instanceof LiveDeskContact contact) {
            out.setHeader(LiveDeskConstants.CONTACT_ID, contact.id());
            Long inbox = ((LiveDeskRequest.CreateContact) request).inboxId().value();
            setOrRemove(out, LiveDeskConstants.SOURCE_ID, contact.sourceId(inbox).orElse(null));
        } else if (response.answer() instanceof LiveDeskConversation conversation) {
            out.setHeader(LiveDeskConstants.CONVERSATION_ID, Long.toString(conversation.id()));
            setOrRemove(out, LiveDeskConstants.CONTACT_ID, conversation.contact().orElse(null));
            setOrRemove(out, LiveDeskConstants.SOURCE_ID, conversation.sourceId().orElse(null));
            setOrRemove(out, LiveDeskConstants.CONVERSATION_STATUS, conversation.status());
        } else if (response.answer() instanceof StatusChange change) {
            setOrRemove(out, LiveDeskConstants.CONVERSATION_STATUS, change.currentStatus());
        }
    }

    private void onMessage(Exchange exchange, LiveDeskMessage message, String conversationId) {
        Message out = exchange.getMessage();
        out.setHeader(LiveDeskConstants.MESSAGE_ID, message.id());
        out.setHeader(LiveDeskConstants.MESSAGE_STATUS, message.status());
        ExternalError error = message.externalError().orElse(null);
        setOrRemove(out, LiveDeskConstants.EXTERNAL_ERROR, error == null ? null : error.raw());
        if (message.isFailed() && throwExceptionOnFailure) {
            exchange.setException(new LiveDeskMessageFailedException(message, conversationId));
        }
    }

    private static void setOrRemove(Message out, String header, Object value) {
        if (value != null) {
            out.setHeader(header, value);
        } else {
            out.removeHeader(header);
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
