package io.github.camellivedesk.examples.quickstart;

import java.util.Map;

import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * Where the quickstart sends: the real LiveDesk when {@code LIVEDESK_API_KEY}, {@code LIVEDESK_API_SECRET} and
 * {@code LIVEDESK_CONVERSATION_ID} are set, otherwise an embedded simulator on loopback, so the app runs offline
 * without an account and never calls the real service by accident.
 */
final class LiveDeskTarget implements AutoCloseable {

    static final long SIMULATED_CONVERSATION = 141L;

    private final String baseUrl;
    private final String apiKey;
    private final String apiSecret;
    private final String conversationId;
    private final LiveDeskSimulator simulator;

    private LiveDeskTarget(String baseUrl, String apiKey, String apiSecret, String conversationId,
                           LiveDeskSimulator simulator) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.conversationId = conversationId;
        this.simulator = simulator;
    }

    static LiveDeskTarget fromEnvironment(Map<String, String> env) {
        String key = env.get("LIVEDESK_API_KEY");
        String secret = env.get("LIVEDESK_API_SECRET");
        String conversation = env.get("LIVEDESK_CONVERSATION_ID");
        if (key != null && secret != null && conversation != null) {
            return new LiveDeskTarget(env.getOrDefault("LIVEDESK_BASE_URL", "https://livedesk-api.engagelab.com"),
                    key, secret, conversation, null);
        }
        if (key != null || secret != null || conversation != null) {
            throw new IllegalStateException("Set all of LIVEDESK_API_KEY, LIVEDESK_API_SECRET and "
                                            + "LIVEDESK_CONVERSATION_ID to use the real LiveDesk, or none of them to use "
                                            + "the embedded simulator");
        }
        LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(SIMULATED_CONVERSATION).build().start();
        return new LiveDeskTarget(simulator.baseUrl(), simulator.apiKey(), simulator.apiSecret(),
                Long.toString(SIMULATED_CONVERSATION), simulator);
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    String apiSecret() {
        return apiSecret;
    }

    String conversationId() {
        return conversationId;
    }

    /** The embedded simulator, or null when talking to the real service. */
    LiveDeskSimulator simulator() {
        return simulator;
    }

    boolean isSimulated() {
        return simulator != null;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
