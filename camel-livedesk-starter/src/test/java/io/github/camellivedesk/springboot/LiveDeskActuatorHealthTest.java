package io.github.camellivedesk.springboot;

import java.util.Map;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator health endpoint shows the producer's readiness check under a name a reader understands: the endpoint
 * URI, not an opaque endpoint id, with its details.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.health.producers-enabled=true",
        "camel.health.exposure-level=full",
        "management.endpoint.health.show-details=always" })
class LiveDeskActuatorHealthTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    @DynamicPropertySource
    static void livedesk(DynamicPropertyRegistry registry) {
        LIVEDESK.camelComponentProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    HealthEndpoint health;

    @Test
    void theProducerCheckIsShownByItsEndpointUri() {
        HealthComponent all = health.health();
        assertThat(all).isInstanceOf(CompositeHealth.class);
        Map<String, HealthComponent> components = ((CompositeHealth) all).getComponents();
        assertThat(components).containsKey("camelHealth");

        Health camel = (Health) components.get("camelHealth");
        assertThat(camel.getStatus()).isEqualTo(Status.UP);
        assertThat(camel.getDetails()).containsEntry("producer:livedesk://send?conversationId=141", "UP")
                .allSatisfy((name, value) -> assertThat(name).doesNotContain("endpoint"));
    }
}
