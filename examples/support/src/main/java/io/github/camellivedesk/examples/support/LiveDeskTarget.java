package io.github.camellivedesk.examples.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * Where an example sends: the real LiveDesk when {@code LIVEDESK_API_KEY} and {@code LIVEDESK_API_SECRET} are set
 * ({@code LIVEDESK_BASE_URL} if not the documented host, and {@code LIVEDESK_CONVERSATION_ID} when the example sends
 * to one conversation), otherwise an embedded {@link LiveDeskSimulator} on loopback.
 * <p>
 * It exists so that every example runs offline without an account and never calls the real service by accident: the
 * real service is used only when the credentials are set explicitly, and a partial setting is refused rather than
 * quietly falling back to the simulator (or quietly reaching the real service with a missing conversation).
 */
public final class LiveDeskTarget implements AutoCloseable {

    /** The documented host of the LiveDesk API, used when {@code LIVEDESK_BASE_URL} is not set. */
    public static final String DEFAULT_BASE_URL = "https://livedesk-api.engagelab.com";

    /** The property placeholder the examples' routes read the conversation to send to from. */
    public static final String CONVERSATION_PROPERTY = "livedesk.conversation-id";

    /** Whether the example needs {@code LIVEDESK_CONVERSATION_ID} to know where to send. */
    public enum Conversation {
        /** Every message goes to the conversation of {@code LIVEDESK_CONVERSATION_ID}. */
        REQUIRED,
        /** Each message names its conversation (a JMS event, an outbox row): no variable needed. */
        PER_MESSAGE
    }

    private final Map<String, String> camelProperties;
    private final LiveDeskSimulator simulator;

    private LiveDeskTarget(Map<String, String> camelProperties, LiveDeskSimulator simulator) {
        this.camelProperties = Collections.unmodifiableMap(camelProperties);
        this.simulator = simulator;
    }

    /**
     * Reads the {@code LIVEDESK_*} variables of {@code env}; without credentials it starts a simulator that knows
     * {@code simulatedConversations} (the first one is the conversation to send to when {@code conversation} is
     * {@link Conversation#REQUIRED}).
     *
     * @throws IllegalStateException when the variables are set only in part
     */
    public static LiveDeskTarget fromEnvironment(Map<String, String> env, Conversation conversation,
            long... simulatedConversations) {
        if (conversation == Conversation.REQUIRED && simulatedConversations.length == 0) {
            throw new IllegalArgumentException("Name at least one simulated conversation: the example sends to one");
        }
        String key = env.get("LIVEDESK_API_KEY");
        String secret = env.get("LIVEDESK_API_SECRET");
        String conversationId = conversation == Conversation.REQUIRED ? env.get("LIVEDESK_CONVERSATION_ID") : null;
        if (key != null && secret != null) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("camel.component.livedesk.base-url",
                    env.getOrDefault("LIVEDESK_BASE_URL", DEFAULT_BASE_URL));
            properties.put("camel.component.livedesk.api-key", key);
            properties.put("camel.component.livedesk.api-secret", secret);
            if (conversation == Conversation.REQUIRED) {
                if (conversationId == null || conversationId.isBlank()) {
                    throw new IllegalStateException("Set LIVEDESK_CONVERSATION_ID to the conversation that receives "
                            + "the messages: with LIVEDESK_API_KEY set, the app talks to your "
                            + "LiveDesk account");
                }
                properties.put(CONVERSATION_PROPERTY, conversationId);
            }
            return new LiveDeskTarget(properties, null);
        }
        if (key != null || secret != null || conversationId != null) {
            throw new IllegalStateException(conversation == Conversation.REQUIRED
                    ? "Set all of LIVEDESK_API_KEY, LIVEDESK_API_SECRET and LIVEDESK_CONVERSATION_ID to use the real "
                            + "LiveDesk, or none of them to use the embedded simulator"
                    : "Set both LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use the real LiveDesk, or neither to use "
                            + "the embedded simulator");
        }
        LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(simulatedConversations).build().start();
        Map<String, String> properties = new LinkedHashMap<>(simulator.camelComponentProperties());
        if (conversation == Conversation.REQUIRED) {
            properties.put(CONVERSATION_PROPERTY, Long.toString(simulatedConversations[0]));
        }
        return new LiveDeskTarget(properties, simulator);
    }

    /**
     * The {@code camel.component.livedesk.*} properties (base URL and credentials) that point the component at the
     * target, and {@value #CONVERSATION_PROPERTY} when the conversation is {@link Conversation#REQUIRED}.
     */
    public Map<String, String> camelProperties() {
        return camelProperties;
    }

    /** The embedded simulator, or null when talking to the real service. */
    public LiveDeskSimulator simulator() {
        return simulator;
    }

    public boolean isSimulated() {
        return simulator != null;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
