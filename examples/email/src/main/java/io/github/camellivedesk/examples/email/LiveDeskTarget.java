package io.github.camellivedesk.examples.email;

import java.util.Map;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * Where the example sends: the real LiveDesk when {@code LIVEDESK_API_KEY} and {@code LIVEDESK_API_SECRET} are set
 * (with {@code LIVEDESK_CONVERSATION_ID}, and {@code LIVEDESK_BASE_URL} if not the documented host), otherwise an embedded simulator on loopback, so the
 * app runs offline without an account and never calls the real service by accident.
 */
final class LiveDeskTarget implements AutoCloseable {

    static final long SIMULATED_CONVERSATION = 141L;

    private final Map<String, String> camelProperties;
    private final LiveDeskSimulator simulator;

    private LiveDeskTarget(Map<String, String> camelProperties, LiveDeskSimulator simulator) {
        this.camelProperties = camelProperties;
        this.simulator = simulator;
    }

    static LiveDeskTarget fromEnvironment(Map<String, String> env) {
        String key = env.get("LIVEDESK_API_KEY");
        String secret = env.get("LIVEDESK_API_SECRET");
        if (key != null && secret != null) {
            String conversation = env.get("LIVEDESK_CONVERSATION_ID");
            if (conversation == null || conversation.isBlank()) {
                throw new IllegalStateException("Set LIVEDESK_CONVERSATION_ID to the conversation that receives the "
                                                + "messages: with LIVEDESK_API_KEY set, the app talks to your LiveDesk account");
            }
            return new LiveDeskTarget(Map.of(
                    "camel.component.livedesk.base-url",
                    env.getOrDefault("LIVEDESK_BASE_URL", "https://livedesk-api.engagelab.com"),
                    "camel.component.livedesk.api-key", key,
                    "camel.component.livedesk.api-secret", secret,
                    "livedesk.conversation-id", conversation), null);
        }
        if (key != null || secret != null) {
            throw new IllegalStateException("Set both LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use the real "
                                            + "LiveDesk, or neither to use the embedded simulator");
        }
        LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(SIMULATED_CONVERSATION).build().start();
        return new LiveDeskTarget(simulator.camelComponentProperties(), simulator);
    }

    /**
     * The {@code camel.component.livedesk.*} properties that point the component at the target, and for the real
     * service {@code livedesk.conversation-id}.
     */
    Map<String, String> camelProperties() {
        return camelProperties;
    }

    /** The embedded simulator, or null when talking to the real service. */
    LiveDeskSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
