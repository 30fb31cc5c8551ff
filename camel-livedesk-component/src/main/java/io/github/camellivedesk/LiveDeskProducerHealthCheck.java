package io.github.camellivedesk;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskResponseException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.internal.dispatch.Dispatcher;

/**
 * Readiness of one {@code livedesk:} producer, judged by the answers its messages got: DOWN while LiveDesk rejects
 * the credentials, cannot be reached, times out, answers 5xx or something that is not a message; UP again with the
 * next answer. LiveDesk has no status call, so the check sends nothing itself and a quiet endpoint stays UP.
 * <p>
 * A message stored with status {@code failed} is an answer, so it counts as UP. A rejected message (400, 404, 422, a
 * rate limit) says nothing about LiveDesk being usable and leaves the state as it is. Camel's health-check thresholds
 * smooth single failures.
 */
final class LiveDeskProducerHealthCheck extends AbstractHealthCheck {

    static final String FAILURES_IN_A_ROW = "livedesk.failures.in.a.row";
    /** Messages the component holds now, waiting for their turn in a conversation or for the rate limits. */
    static final String QUEUED_MESSAGES = "livedesk.queued.messages";
    /** How long a message would wait now for the client-wide rate limit, in milliseconds. */
    static final String RATE_LIMIT_WAIT = "livedesk.rate.limit.wait.ms";

    private final LiveDeskComponent component;
    private final String operation;
    private final String host;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile Throwable lastFailure;

    LiveDeskProducerHealthCheck(LiveDeskEndpoint endpoint) {
        super("camel", "producer:" + LiveDeskSecrets.maskedUri(endpoint.getEndpointUri()));
        this.component = endpoint.getComponent();
        this.operation = endpoint.getOperation().name();
        // the host only: a base URL could carry user info
        this.host = URI.create(endpoint.getConfiguration().getBaseUrl()).getHost();
    }

    @Override
    public boolean isLiveness() {
        // restarting the application does not bring LiveDesk back
        return false;
    }

    /** Records how one exchange ended: {@code failure} is null when LiveDesk answered with a message. */
    void onOutcome(Throwable failure) {
        if (failure == null) {
            if (failuresInARow.get() != 0) {
                failuresInARow.set(0);
            }
        } else if (isUnavailable(failure)) {
            lastFailure = failure;
            failuresInARow.incrementAndGet();
        }
    }

    private static boolean isUnavailable(Throwable failure) {
        if (failure instanceof LiveDeskAuthenticationException) {
            return true;
        }
        if (failure instanceof LiveDeskHttpException http) {
            return http.getStatusCode() >= 500;
        }
        return failure instanceof LiveDeskTransportException || failure instanceof LiveDeskResponseException;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("livedesk.operation", operation);
        builder.detail("livedesk.host", host);
        // what the component holds back says whether LiveDesk's limits, not LiveDesk, slow the route down
        Dispatcher dispatcher = component.dispatcher();
        builder.detail(QUEUED_MESSAGES, dispatcher.queuedMessages());
        builder.detail(RATE_LIMIT_WAIT, dispatcher.currentWait().toMillis());
        int failures = failuresInARow.get();
        Throwable failure = lastFailure;
        if (failures == 0 || failure == null) {
            builder.up();
            return;
        }
        builder.down();
        builder.message(failure.getMessage());
        builder.error(failure);
        builder.detail(FAILURES_IN_A_ROW, failures);
        if (failure instanceof LiveDeskHttpException http) {
            builder.detail(HealthCheck.HTTP_RESPONSE_CODE, http.getStatusCode());
        }
    }
}
