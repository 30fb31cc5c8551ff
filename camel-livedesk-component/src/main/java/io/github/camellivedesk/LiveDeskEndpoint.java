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

import io.github.camellivedesk.client.LiveDeskClient;
import io.github.camellivedesk.client.LiveDeskLimits;
import io.github.camellivedesk.client.RateLimitPolicy;
import io.github.camellivedesk.mapping.RequestMapper;
import io.github.camellivedesk.mapping.RetryMessageMapper;
import io.github.camellivedesk.mapping.SendMessageMapper;
import io.github.camellivedesk.mapping.TemplateMessageMapper;

/**
 * Send text messages, private notes, files and WhatsApp template messages to EngageLab LiveDesk conversations, and
 * resend failed messages.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "livedesk", title = "LiveDesk", syntax = "livedesk:operation",
             producerOnly = true, category = { Category.CHAT, Category.CLOUD, Category.API },
             headersClass = LiveDeskConstants.class)
public class LiveDeskEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(enums = "send,template,retry",
             description = "What to do: send a text message or files, send a WhatsApp template, or retry a failed message.")
    @Metadata(required = true)
    private LiveDeskOperation operation;

    @UriParam
    private LiveDeskConfiguration configuration;

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
        // fail at route start, not on the first message, when credentials or limits are wrong
        client = LiveDeskClient.builder()
                .baseUrl(configuration.getBaseUrl())
                .apiKey(configuration.getApiKey())
                .apiSecret(configuration.getApiSecret())
                .requestTimeout(Duration.ofMillis(configuration.getRequestTimeout()))
                .rateLimitPolicy(new RateLimitPolicy(configuration.getRateLimitMaxRetries(),
                        Duration.ofMillis(configuration.getRateLimitMaxWait()), Duration.ofSeconds(1)))
                .limits(new LiveDeskLimits(configuration.getMaxContentLength(), configuration.getMaxAttachments(),
                        configuration.getMaxAttachmentSize()))
                .httpClient(getComponent().sharedHttpClient())
                .scheduler(getComponent().sharedScheduler())
                .build();
    }

    @Override
    protected void doStop() throws Exception {
        // the HTTP client and scheduler belong to the component; this client owns nothing to close
        client = null;
        super.doStop();
    }

    /** The mapper of this endpoint's operation. */
    RequestMapper createRequestMapper() {
        return switch (operation) {
            case send -> new SendMessageMapper(configuration);
            case template -> new TemplateMessageMapper(configuration);
            case retry -> new RetryMessageMapper(configuration);
        };
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
