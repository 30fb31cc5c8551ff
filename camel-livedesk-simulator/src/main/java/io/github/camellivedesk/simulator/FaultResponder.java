package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Serves an API call that a fault applies to: what each kind of {@link Fault} does is written here, once. */
final class FaultResponder {

    /** Processes the call as if no fault applied (rate limits, authentication, validation, storing). */
    interface Processing {
        ApiResponse process() throws IOException;
    }

    private final ResponseWriter writer;

    FaultResponder(ResponseWriter writer) {
        this.writer = writer;
    }

    /**
     * Applies {@code fault} to {@code call}; {@code processing} stores the message when the fault lets the request
     * reach the service, {@code resume} serves the call normally later (after a latency).
     */
    void apply(ApiCall call, Fault fault, Processing processing, Runnable resume) throws IOException {
        if (fault instanceof Fault.Latency latency) {
            writer.later(call, delay(latency), resume);
        } else if (fault instanceof Fault.Status status) {
            if (status.status() >= 200 && status.status() < 300) {
                processing.process(); // a success status from the service: the message was stored
            }
            writer.send(call, new ApiResponse(status.status(), status.contentType(),
                    status.body().getBytes(StandardCharsets.UTF_8), status.headers()));
        } else if (fault instanceof Fault.HugeErrorBody huge) {
            writer.sendHuge(call, huge.status(), huge.size());
        } else if (fault instanceof Fault.DropBeforeRead) {
            writer.drop(call);
        } else if (fault instanceof Fault.DropAfterRead) {
            call.drain();
            writer.drop(call);
        } else if (fault instanceof Fault.DropAfterProcessing) {
            processing.process();
            writer.drop(call);
        } else if (fault instanceof Fault.MalformedJson) {
            byte[] body = processing.process().body();
            writer.send(call, new ApiResponse(200, ApiResponse.JSON, Arrays.copyOf(body, Math.max(1, body.length / 2)),
                    Map.of()));
        } else if (fault instanceof Fault.SlowBody slow) {
            writer.sendSlowly(call, processing.process(), slow.pause());
        } else {
            throw new IllegalStateException("No behaviour for fault " + fault);
        }
    }

    private static Duration delay(Fault.Latency latency) {
        long min = latency.min().toNanos();
        long max = latency.max().toNanos();
        return Duration.ofNanos(min == max ? min : ThreadLocalRandom.current().nextLong(min, max + 1));
    }
}
