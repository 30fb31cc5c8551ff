package io.github.camellivedesk;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.simulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The producer health check, read through Camel's health-check registry as camel-main or Quarkus would. */
class HealthCheckTest extends LiveDeskTestSupport {

    @BeforeEach
    void enableProducerChecks() {
        // what camel.health.producersEnabled=true does
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        // every check with its details, not only the failing ones
        registry.setExposureLevel("full");
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
    }

    @Test
    void downWhileLiveDeskFailsAndUpWithTheNextAnswer() throws Exception {
        String uri = "livedesk:send?conversationId=141";
        String start = route(uri);
        assertThat(readiness(uri).getState()).as("before any message").isEqualTo(HealthCheck.State.UP);

        simulator().faults().inject(Fault.status(503)).always();
        assertThat(template.request(start, e -> e.getMessage().setBody("first")).getException()).isNotNull();
        assertThat(template.request(start, e -> e.getMessage().setBody("second")).getException()).isNotNull();

        HealthCheck.Result down = readiness(uri);
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("503"));
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 503)
                .containsEntry(LiveDeskProducerHealthCheck.FAILURES_IN_A_ROW, 2)
                .containsEntry("livedesk.operation", "send").containsEntry("livedesk.host", "127.0.0.1");

        simulator().faults().clear();
        assertThat(template.request(start, e -> e.getMessage().setBody("third")).getException()).isNull();
        assertThat(readiness(uri).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void rejectedCredentialsAndUnreachableServerAreDown() throws Exception {
        String wrongSecret = "livedesk:send?conversationId=141&apiSecret=not-the-secret";
        String unreachable = "livedesk:send?conversationId=141&baseUrl=http://127.0.0.1:1";

        Exchange rejected = template.request(route(wrongSecret), e -> e.getMessage().setBody("hello"));
        Exchange refused = template.request(route(unreachable), e -> e.getMessage().setBody("hello"));

        assertThat(rejected.getException()).isInstanceOf(LiveDeskAuthenticationException.class);
        HealthCheck.Result unauthorized = readiness(wrongSecret);
        assertThat(unauthorized.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(unauthorized.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
        assertThat(unauthorized.getMessage().orElseThrow()).doesNotContain("not-the-secret");
        assertThat(String.valueOf(unauthorized.getDetails())).doesNotContain("not-the-secret");
        assertThat(refused.getException()).isNotNull();
        assertThat(readiness(unreachable).getState()).isEqualTo(HealthCheck.State.DOWN);
    }

    @Test
    void rejectedMessagesSayNothingAboutLiveDesk() throws Exception {
        String known = "livedesk:send?conversationId=141";
        String unknown = "livedesk:send?conversationId=999";
        String start = route(known);
        String unknownConversation = route(unknown);
        simulator().faults().inject(Fault.status(503)).forNext(1);
        template.request(start, e -> e.getMessage().setBody("lost"));
        assertThat(readiness(known).getState()).isEqualTo(HealthCheck.State.DOWN);

        // a 404, a validation error and a rate limit are about the message, not about LiveDesk being usable
        assertThat(template.request(unknownConversation, e -> e.getMessage().setBody("who?")).getException())
                .isNotNull();
        assertThat(template.request(start, e -> e.getMessage().setBody("")).getException()).isNotNull();
        simulator().faults().inject(Fault.rateLimitPlain()).forNext(1);
        assertThat(template.request(route(known + "&rateLimitMaxRetries=0"), e -> e.getMessage().setBody("later"))
                .getException()).isNotNull();
        assertThat(readiness(known).getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(readiness(unknown).getState()).isEqualTo(HealthCheck.State.UP);

        // a message stored as failed is an answer: LiveDesk is usable again
        simulator().conversation(141L).closeWindow();
        Exchange failed = template.request(start, e -> e.getMessage().setBody("outside the window"));
        assertThat(failed.getException()).isNotNull();
        assertThat(readiness(known).getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void disabledOnTheComponentIsNeverDown() throws Exception {
        context.getComponent("livedesk", LiveDeskComponent.class).setHealthCheckProducerEnabled(false);
        String uri = "livedesk:send?conversationId=141";
        simulator().faults().inject(Fault.status(503)).always();
        assertThat(template.request(route(uri), e -> e.getMessage().setBody("hello")).getException()).isNotNull();

        HealthCheck.Result result = readiness(uri);
        assertThat(result.getCheck().isEnabled()).isFalse();
        assertThat(result.getState()).as("Camel reports a disabled check as UNKNOWN")
                .isEqualTo(HealthCheck.State.UNKNOWN);
    }

    @Test
    void detailsShowWhatTheComponentHoldsBackForTheRateLimits() throws Exception {
        // one request a minute: the first goes, the next two wait for the client-wide limit
        LiveDeskComponent paced = pointAt(new LiveDeskComponent(), simulator());
        paced.setRateLimitPerMinute(1);
        context.addComponent("paced", paced);
        String uri = "paced:send?conversationId=141";
        String start = route(uri);
        assertThat(readiness(uri).getDetails()).containsEntry(LiveDeskProducerHealthCheck.QUEUED_MESSAGES, 0)
                .containsEntry(LiveDeskProducerHealthCheck.RATE_LIMIT_WAIT, 0L);

        assertThat(template.request(start, e -> e.getMessage().setBody("first")).getException()).isNull();
        template.asyncSendBody(start, "second");
        template.asyncSendBody(start, "third");

        // the template hands each asyncSend to a thread of its own: wait until both reached the producer
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness(uri).getDetails())
                .containsEntry(LiveDeskProducerHealthCheck.QUEUED_MESSAGES, 2));
        HealthCheck.Result result = readiness(uri);
        assertThat(result.getState()).as("waiting for the limit is not LiveDesk being down")
                .isEqualTo(HealthCheck.State.UP);
        assertThat((Long) result.getDetails().get(LiveDeskProducerHealthCheck.RATE_LIMIT_WAIT)).isPositive();
        // the two waiting exchanges are in flight in the route: stopping the component fails them (nothing was
        // sent), so the context's graceful shutdown has nothing to wait a minute for
        paced.stop();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> context.getInflightRepository().size() == 0);
    }

    @Test
    void namedByItsEndpointUriWithSecretsMasked() throws Exception {
        String uri = "livedesk:send?conversationId=141&apiKey=" + simulator().apiKey() + "&apiSecret="
                + simulator().apiSecret();
        route(uri);

        List<String> ids = HealthCheckHelper.invokeReadiness(context).stream().map(r -> r.getCheck().getId()).toList();

        assertThat(ids).filteredOn(id -> id.startsWith("producer:livedesk:")).singleElement().satisfies(id -> {
            assertThat(id).contains("send").contains("conversationId=141").contains("apiKey=xxxxxx")
                    .contains("apiSecret=xxxxxx");
            assertThat(id).doesNotContain(simulator().apiKey()).doesNotContain(simulator().apiSecret());
        });
    }

    /** The result of the check of the producer of the endpoint {@code uri}. */
    private HealthCheck.Result readiness(String uri) {
        String id = "producer:"
                + LiveDeskSecrets.maskedUri(context.getEndpoint(uri, LiveDeskEndpoint.class).getEndpointUri());
        List<HealthCheck.Result> results = List.copyOf(HealthCheckHelper.invokeReadiness(context));
        return results.stream().filter(r -> r.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " among "
                        + results.stream().map(r -> r.getCheck().getId()).toList()));
    }
}
