package io.github.camellivedesk.examples.springboot;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The example as it runs with the simulator profile: HTTP in, LiveDesk (the simulator) out, actuator health. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("simulator")
class LiveDeskSpringBootApplicationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    LiveDeskSimulator simulator;

    @Test
    void aPostedTextIsSentToTheConversation() {
        ResponseEntity<String> answer = http.postForEntity("/api/conversations/141/messages", "Your order has shipped",
                String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        StoredMessage stored = simulator.conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("Your order has shipped");
        assertThat(answer.getBody()).isEqualTo(stored.id() + " sent");
    }

    @Test
    void aPostedTemplateRequestSendsTheTemplate() {
        ResponseEntity<String> answer = http.postForEntity(
                "/api/conversations/142/templates?name=order_update&language=en_US", "A-1001", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        StoredMessage stored = simulator.conversation(142L).messages().get(0);
        assertThat(stored.isTemplate()).isTrue();
        assertThat(stored.content()).contains("order_update");
    }

    @Test
    void healthShowsTheLiveDeskProducers() {
        http.postForEntity("/api/conversations/141/messages", "warm up", String.class);

        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("producer:livedesk://send");
    }
}
