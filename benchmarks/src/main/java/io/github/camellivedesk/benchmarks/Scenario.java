package io.github.camellivedesk.benchmarks;

/**
 * A workload: how many messages may be in flight, how many threads the blocking variant gets, and how long the
 * server takes.
 *
 * @param name           short name
 * @param inFlight       messages in flight for the non-blocking variants
 * @param threads        caller threads of the blocking camel-http variant, and SEDA consumers
 * @param latencyMillis  added server latency
 * @param attachmentSize bytes of one attachment per message, 0 for text messages
 */
public record Scenario(String name, int inFlight, int threads, int latencyMillis, long attachmentSize) {

    /** Text messages, no added latency, 64 in flight (and 64 threads for camel-http, the same as (c)). */
    public static Scenario noLatency() {
        return new Scenario("no-latency", 64, 64, 0, 0);
    }

    /** Text messages, 200 ms server latency, 4 route threads; the non-blocking variants keep 256 in flight. */
    public static Scenario latency200ms() {
        return new Scenario("latency-200ms", 256, 4, 200, 0);
    }

    /** One attachment per message, one at a time. */
    public static Scenario attachment(long bytes) {
        return new Scenario("attachment-" + (bytes >> 20) + "MiB", 1, 1, 0, bytes);
    }

    String describe() {
        return attachmentSize > 0 ? "one " + (attachmentSize >> 20) + " MiB attachment per message, one at a time"
                : latencyMillis + " ms server latency, " + inFlight + " in flight for (a), (c), (c'), (d), (e), "
                        + threads
                        + " threads for (b)";
    }
}
