package io.github.camellivedesk.benchmarks;

import java.nio.file.Path;

/**
 * Where and what a variant sends: passed from the harness to each child JVM on its command line.
 *
 * @param scenario       the scenario
 * @param baseUrl        the server root
 * @param apiKey         API key the server accepts
 * @param apiSecret      API secret the server accepts
 * @param warmupSeconds  unmeasured seconds first
 * @param measureSeconds measured seconds at most
 * @param maxMessages    measured messages at most
 * @param attachment     the file to upload, or null
 * @param conversations  how many conversations the livedesk variants spread messages over (ids from
 *                       {@link #FIRST_CONVERSATION}); 1 sends everything to conversation 141 as the other variants do
 * @param livedeskOptions component options of the livedesk variants, {@code name=value} joined by {@code &}, or empty
 */
record Workload(Scenario scenario, String baseUrl, String apiKey, String apiSecret, double warmupSeconds,
        double measureSeconds, long maxMessages, Path attachment, int conversations, String livedeskOptions) {

    /**
     * The livedesk variants of the side-by-side scenarios send every message to one conversation as fast as they can:
     * the order per conversation would send them one at a time and the pacing at 50 a second, so both are off there;
     * their costs are measured by the ordering-cost and burst scenarios.
     */
    static final String THROUGHPUT_OPTIONS = "preserveOrder=false&rateLimitPerMinute=0&conversationRateLimitPerMinute=0";

    /** The first of the conversations a workload spread over several uses. */
    static final long FIRST_CONVERSATION = 1001;

    Workload(Scenario scenario, String baseUrl, String apiKey, String apiSecret, double warmupSeconds,
            double measureSeconds, long maxMessages, Path attachment) {
        this(scenario, baseUrl, apiKey, apiSecret, warmupSeconds, measureSeconds, maxMessages, attachment, 1,
                THROUGHPUT_OPTIONS);
    }

    Workload withConversations(int count, String options) {
        return new Workload(scenario, baseUrl, apiKey, apiSecret, warmupSeconds, measureSeconds, maxMessages,
                attachment,
                count, options);
    }

    static final String CONTENT = "Agent sending message, is it normal?";

    /**
     * The documented answer to a text message: what nginx answers in the no-latency scenario and what the JMH
     * benchmark reads. Here, not in MessageMappingBenchmark, so that the harness compiles without the JMH class.
     */
    static final String DOCUMENTED_ANSWER = "{\"id\":3030,\"content\":\"Agent sending message, is it normal?\",\"inbox_id\":79,"
            + "\"conversation_id\":141,\"message_type\":1,\"content_type\":\"text\",\"status\":\"sent\","
            + "\"content_attributes\":{},\"created_at\":1762331029,\"private\":false,\"source_id\":null,"
            + "\"sorting_id\":4,\"sender\":{\"id\":3,\"name\":\"TEST\",\"available_name\":\"TEST\","
            + "\"avatar_url\":\"\",\"type\":\"user\",\"availability_status\":\"offline\",\"thumbnail\":\"\"}}";
    static final String TEXT_JSON = "{\"content\":\"" + CONTENT + "\",\"private\":false}";

    String messagesUrl() {
        return baseUrl + "/api/v2/accounts/conversations/141/messages";
    }

    String authorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (apiKey + ":" + apiSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    String[] toArgs(Variant variant) {
        return new String[]{ variant.name(), scenario.name(), Integer.toString(scenario.inFlight()),
                Integer.toString(scenario.threads()), Integer.toString(scenario.latencyMillis()),
                Long.toString(scenario.attachmentSize()), baseUrl, apiKey, apiSecret, Double.toString(warmupSeconds),
                Double.toString(measureSeconds), Long.toString(maxMessages),
                attachment == null ? "-" : attachment.toString(),
                Integer.toString(conversations), livedeskOptions.isEmpty() ? "-" : livedeskOptions };
    }

    static Workload fromArgs(String[] args) {
        Scenario scenario = new Scenario(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]), Long.parseLong(args[5]));
        return new Workload(scenario, args[6], args[7], args[8], Double.parseDouble(args[9]),
                Double.parseDouble(args[10]),
                Long.parseLong(args[11]), args[12].equals("-") ? null : Path.of(args[12]), Integer.parseInt(args[13]),
                args[14].equals("-") ? "" : args[14]);
    }
}
