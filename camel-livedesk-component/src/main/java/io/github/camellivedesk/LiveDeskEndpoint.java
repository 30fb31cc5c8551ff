package io.github.camellivedesk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.github.camellivedesk.internal.LiveDeskBinding;
import io.github.camellivedesk.internal.LiveDeskClient;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.RateLimitPolicy;
import io.github.camellivedesk.internal.RequestRules;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.internal.dispatch.Dispatcher;

/**
 * Send text messages, private notes, files and WhatsApp template messages to EngageLab LiveDesk conversations, resend
 * failed messages, and receive LiveDesk's webhook events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "livedesk", title = "LiveDesk", syntax = "livedesk:operation",
        category = { Category.CHAT, Category.CLOUD, Category.API },
        headersClass = LiveDeskConstants.class)
public class LiveDeskEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    // the first backoff after a 429 without Retry-After; doubled per attempt up to rateLimitMaxWait
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    @UriPath(enums = "send,template,retry,contact,conversation,status,events",
            description = "What to do: send a text message or files, send a WhatsApp template, retry a failed message, "
                    + "create a contact, create a conversation, or change a conversation's status (to); or "
                    + "receive LiveDesk's webhook events (from, events only).")
    @Metadata(required = true)
    private LiveDeskOperation operation;

    @UriParam
    private LiveDeskConfiguration configuration;

    private Function<Exchange, LiveDeskRequest> binding;
    private RequestRules rules;
    private Dispatcher.Sender sender;

    public LiveDeskEndpoint(String uri, LiveDeskComponent component, LiveDeskOperation operation,
            LiveDeskConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public LiveDeskComponent getComponent() {
        return (LiveDeskComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation == LiveDeskOperation.events) {
            throw new UnsupportedOperationException("livedesk:events receives LiveDesk's webhook events: use it in "
                    + "from(), and livedesk:send, template, retry, contact, conversation or status in to()");
        }
        return new LiveDeskProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != LiveDeskOperation.events) {
            throw new UnsupportedOperationException("livedesk:" + operation + " sends to LiveDesk: use it in to(); "
                    + "from(\"livedesk:events\") receives LiveDesk's webhook events");
        }
        LiveDeskEventsConsumer consumer = new LiveDeskEventsConsumer(this, processor, configuration);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (operation == LiveDeskOperation.events) {
            // a consumer needs no API credentials: it only answers LiveDesk
            LiveDeskOptionRules.events(configuration);
            return;
        }
        // a route with wrong credentials or limits fails when it starts
        LiveDeskOptionRules.endpoint(configuration);
        binding = binding(operation, configuration, getComponent().getConfiguration());
        rules = new RequestRules(configuration.getMaxContentLength(), configuration.getMaxAttachments(),
                configuration.getMaxAttachmentSize());
        LiveDeskClient client = new LiveDeskClient(getComponent().transport(), configuration.getBaseUrl(),
                configuration.getApiKey(), configuration.getApiSecret(),
                Duration.ofMillis(configuration.getRequestTimeout()));
        sender = new Dispatcher.Sender(client::send, new RateLimitPolicy(configuration.getRateLimitMaxRetries(),
                Duration.ofMillis(configuration.getRateLimitMaxWait()), INITIAL_BACKOFF),
                configuration.isPreserveOrder(), configuration.getBaseUrl());
    }

    /**
     * Reads an exchange into the request of an operation, with the endpoint's option values, each named by where it
     * was set (the endpoint's options are a copy of the component's with the URI's on top).
     */
    static Function<Exchange, LiveDeskRequest> binding(LiveDeskOperation operation, LiveDeskConfiguration endpoint,
            LiveDeskConfiguration component) {
        LiveDeskBinding binding = new LiveDeskBinding(new LiveDeskBinding.Defaults(
                option("conversationId", endpoint.getConversationId(), component.getConversationId()),
                option("privateMessage", endpoint.isPrivateMessage(), component.isPrivateMessage()),
                option("inReplyTo", endpoint.getInReplyTo(), component.getInReplyTo()),
                option("messageId", endpoint.getMessageId(), component.getMessageId()),
                option("templateName", endpoint.getTemplateName(), component.getTemplateName()),
                option("templateLanguage", endpoint.getTemplateLanguage(), component.getTemplateLanguage()),
                endpoint.getTemplateNamespace(), endpoint.getTemplateCategory(),
                option("inboxId", endpoint.getInboxId(), component.getInboxId()),
                option("status", endpoint.getStatus(), component.getStatus())));
        return switch (operation) {
            case send -> binding::send;
            case template -> binding::template;
            case retry -> binding::retry;
            case contact -> binding::contact;
            case conversation -> binding::conversation;
            case status -> binding::status;
            case events -> throw new IllegalArgumentException("livedesk:events has no producer binding");
        };
    }

    private static <T> Resolved<T> option(String name, T endpointValue, T componentValue) {
        boolean fromComponent = endpointValue != null && Objects.equals(endpointValue, componentValue);
        return new Resolved<>(endpointValue, (fromComponent ? "component option " : "endpoint option ") + name);
    }

    /** Reads an exchange into this endpoint's request; set while started. */
    Function<Exchange, LiveDeskRequest> getBinding() {
        return binding;
    }

    /** The rules each request of this endpoint must meet; set while started. */
    RequestRules getRules() {
        return rules;
    }

    /** How this endpoint's requests go through the dispatcher; set while started. */
    Dispatcher.Sender getSender() {
        return sender;
    }

    public LiveDeskOperation getOperation() {
        return operation;
    }

    public void setOperation(LiveDeskOperation operation) {
        this.operation = operation;
    }

    public LiveDeskConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
