package io.github.camellivedesk.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * One webhook delivery the simulator made.
 *
 * @param deliveryId its {@code X-Chatwoot-Delivery} id, new for every delivery
 * @param event      the {@code event} of its body, e.g. {@code message_created}
 * @param sentAt     when the POST started
 * @param statusCode the status the receiver answered, or 0 when it answered nothing (timeout, refused connection)
 * @param error      why there was no answer, or null when there was one
 * @param duration   from the start of the POST to the answer or the failure
 */
public record WebhookDelivery(String deliveryId, String event, Instant sentAt, int statusCode, String error,
        Duration duration) {

    /** Whether the receiver answered 2xx. */
    public boolean succeeded() {
        return statusCode >= 200 && statusCode < 300;
    }
}
