package io.github.camellivedesk;

import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
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
import io.github.camellivedesk.internal.LiveDeskRequestValidator;
import io.github.camellivedesk.internal.RateLimitPolicy;

/**
 * Send text messages, private notes, files and WhatsApp template messages to EngageLab LiveDesk conversations, and
 * resend failed messages.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "livedesk", title = "LiveDesk", syntax = "livedesk:operation",
             producerOnly = true, category = { Category.CHAT, Category.CLOUD, Category.API },
             headersClass = LiveDeskConstants.class)
public class LiveDeskEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    // the first backoff after a 429 without Retry-After; doubled per attempt up to rateLimitMaxWait
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

    @UriPath(enums = "send,template,retry",
             description = "What to do: send a text message or files, send a WhatsApp template, or retry a failed message.")
    @Metadata(required = true)
    private LiveDeskOperation operation;

    @UriParam
    private LiveDeskConfiguration configuration;

    private LiveDeskBinding binding;
    private LiveDeskRequestValidator validator;
    private LiveDeskClient client;

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
        return new LiveDeskProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The livedesk component only sends: use it in to(), not from()");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the validator checks the options: a route with wrong credentials or limits fails when it starts
        validator = new LiveDeskRequestValidator(configuration);
        binding = new LiveDeskBinding(operation, configuration, getComponent().getConfiguration());
        client = new LiveDeskClient(getComponent().transport(), configuration.getBaseUrl(), configuration.getApiKey(),
                configuration.getApiSecret(), Duration.ofMillis(configuration.getRequestTimeout()),
                new RateLimitPolicy(configuration.getRateLimitMaxRetries(),
                        Duration.ofMillis(configuration.getRateLimitMaxWait()), INITIAL_BACKOFF));
    }

    @Override
    protected void doStop() throws Exception {
        // the transport belongs to the component; the client holds nothing to close
        client = null;
        super.doStop();
    }

    LiveDeskBinding getBinding() {
        return binding;
    }

    LiveDeskRequestValidator getValidator() {
        return validator;
    }

    LiveDeskClient getClient() {
        return client;
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
