package io.github.camellivedesk.examples.database;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * Where the example sends: the real LiveDesk when {@code LIVEDESK_API_KEY} and {@code LIVEDESK_API_SECRET} are set
 * ({@code LIVEDESK_BASE_URL} optional), otherwise an embedded simulator on loopback, so the app runs offline without
 * an account and never calls the real service by accident.
 */
final class LiveDeskTarget implements AutoCloseable {

    /** The demo's conversations in the simulator: one with an open 24-hour window, one with a closed one. */
    static final long OPEN_CONVERSATION = 141L;
    static final long CLOSED_CONVERSATION = 142L;

    private final Map<String, String> componentProperties;
    private final LiveDeskSimulator simulator;

    private LiveDeskTarget(Map<String, String> componentProperties, LiveDeskSimulator simulator) {
        this.componentProperties = componentProperties;
        this.simulator = simulator;
    }

    static LiveDeskTarget fromEnvironment(Map<String, String> env) {
        String key = env.get("LIVEDESK_API_KEY");
        String secret = env.get("LIVEDESK_API_SECRET");
        if (key != null && secret != null) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("camel.component.livedesk.base-url",
                    env.getOrDefault("LIVEDESK_BASE_URL", "https://livedesk-api.engagelab.com"));
            properties.put("camel.component.livedesk.api-key", key);
            properties.put("camel.component.livedesk.api-secret", secret);
            return new LiveDeskTarget(properties, null);
        }
        if (key != null || secret != null) {
            throw new IllegalStateException("Set both LIVEDESK_API_KEY and LIVEDESK_API_SECRET to use the real "
                                            + "LiveDesk, or neither to use the embedded simulator");
        }
        LiveDeskSimulator simulator = LiveDeskSimulator.builder()
                .conversations(OPEN_CONVERSATION, CLOSED_CONVERSATION).build().start();
        return new LiveDeskTarget(simulator.camelComponentProperties(), simulator);
    }

    /** The {@code camel.component.livedesk.*} properties: base URL and credentials. */
    Map<String, String> componentProperties() {
        return componentProperties;
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
