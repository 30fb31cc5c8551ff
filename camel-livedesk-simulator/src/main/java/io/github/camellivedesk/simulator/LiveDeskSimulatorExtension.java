package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link LiveDeskSimulator} for JUnit 5 tests. As a static field it starts once per class and is reset before
 * each test; as an instance field it starts and stops around each test. Test methods can take the
 * {@link LiveDeskSimulator} as a parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();
 * }</pre>
 */
public final class LiveDeskSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final SimulatorSettings settings;
    private LiveDeskSimulator simulator;
    private boolean perClass;

    private LiveDeskSimulatorExtension(SimulatorSettings settings) {
        this.settings = settings;
    }

    /** An extension with the simulator's defaults and no conversations. */
    public static LiveDeskSimulatorExtension create() {
        return new LiveDeskSimulatorExtension(LiveDeskSimulator.builder().settings());
    }

    /** A builder for the simulator's settings. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        simulator = new LiveDeskSimulator(settings).start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = new LiveDeskSimulator(settings).start();
        } else {
            simulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass && simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LiveDeskSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return simulator();
    }

    /** The running simulator. */
    public LiveDeskSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The LiveDesk simulator runs only while a test runs");
        }
        return simulator;
    }

    /** Its root URL. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    /**
     * The running simulator's live inbox page, to open in a browser while a test runs (for instance from a breakpoint):
     * {@link LiveDeskSimulator#pageUrl()}.
     */
    public String pageUrl() {
        return simulator().pageUrl();
    }

    /** The API key it accepts. */
    public String apiKey() {
        return settings.apiKey();
    }

    /** The API secret it accepts. */
    public String apiSecret() {
        return settings.apiSecret();
    }

    /** The running simulator's {@link LiveDeskSimulator#camelComponentProperties() camel.component.livedesk.* properties}. */
    public Map<String, String> camelComponentProperties() {
        return simulator().camelComponentProperties();
    }

    /** Settings of the simulator the extension runs; see {@link LiveDeskSimulator.Builder}. */
    public static final class Builder {
        private final LiveDeskSimulator.Builder simulator = LiveDeskSimulator.builder();

        private Builder() {
        }

        /** A fixed port, for runtimes that read their configuration before the test starts; 0 (the default) picks a free one. */
        public Builder port(int port) {
            simulator.port(port);
            return this;
        }

        /** Conversations that exist in every test. */
        public Builder conversations(long... ids) {
            simulator.conversations(ids);
            return this;
        }

        /** Whether unknown conversations are created on first use. */
        public Builder autoCreateConversations(boolean autoCreate) {
            simulator.autoCreateConversations(autoCreate);
            return this;
        }

        /** The API key. */
        public Builder apiKey(String apiKey) {
            simulator.apiKey(apiKey);
            return this;
        }

        /** The API secret. */
        public Builder apiSecret(String apiSecret) {
            simulator.apiSecret(apiSecret);
            return this;
        }

        /** Bytes accepted per attachment. */
        public Builder maxAttachmentSize(long bytes) {
            simulator.maxAttachmentSize(bytes);
            return this;
        }

        /** See {@link LiveDeskSimulator.Builder#clientRateLimit(int, Duration)}; off unless set. */
        public Builder clientRateLimit(int requests, Duration period) {
            simulator.clientRateLimit(requests, period);
            return this;
        }

        /** See {@link LiveDeskSimulator.Builder#conversationRateLimit(int, Duration)}; off unless set. */
        public Builder conversationRateLimit(int messages, Duration period) {
            simulator.conversationRateLimit(messages, period);
            return this;
        }

        public LiveDeskSimulatorExtension build() {
            return new LiveDeskSimulatorExtension(simulator.settings());
        }
    }
}
