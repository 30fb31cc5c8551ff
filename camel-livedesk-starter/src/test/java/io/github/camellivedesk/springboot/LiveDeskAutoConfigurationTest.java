package io.github.camellivedesk.springboot;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camel.component.livedesk.*} in a Spring Boot application configure the component: the simulator's
 * properties through {@code @DynamicPropertySource} (the simulator README's recipe), durations as {@code 5s},
 * booleans and numbers, and a message goes to the simulator with them.
 */
@CamelSpringBootTest
@SpringBootTest(classes = TestApplication.class, properties = {
        "camel.component.livedesk.request-timeout=5s",
        "camel.component.livedesk.connect-timeout=1500ms",
        "camel.component.livedesk.rate-limit-max-wait=2m",
        "camel.component.livedesk.private-message=true",
        "camel.component.livedesk.throw-exception-on-failure=false",
        "camel.component.livedesk.max-connections=8",
        "camel.component.livedesk.in-reply-to=7001" })
class LiveDeskAutoConfigurationTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    @DynamicPropertySource
    static void livedesk(DynamicPropertyRegistry registry) {
        LIVEDESK.camelComponentProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate template;

    @Test
    void propertiesConfigureTheComponent() {
        LiveDeskComponent component = camelContext.getComponent("livedesk", LiveDeskComponent.class);

        assertThat(component.getConfiguration().getBaseUrl()).isEqualTo(LIVEDESK.baseUrl());
        assertThat(component.getConfiguration().getApiKey()).isEqualTo(LIVEDESK.apiKey());
        assertThat(component.getConfiguration().getApiSecret()).isEqualTo(LIVEDESK.apiSecret());
        assertThat(component.getConfiguration().getRequestTimeout()).isEqualTo(TimeUnit.SECONDS.toMillis(5));
        assertThat(component.getConnectTimeout()).isEqualTo(1500);
        assertThat(component.getConfiguration().getRateLimitMaxWait()).isEqualTo(TimeUnit.MINUTES.toMillis(2));
        assertThat(component.getConfiguration().isPrivateMessage()).isTrue();
        assertThat(component.getConfiguration().isThrowExceptionOnFailure()).isFalse();
        assertThat(component.getConfiguration().getInReplyTo()).isEqualTo(7001L);
        assertThat(component.getMaxConnections()).isEqualTo(8);
        assertThat(component.getConfiguration().getMaxContentLength())
                .as("an option not set keeps the component's default")
                .isEqualTo(150_000);
    }

    @Test
    void aRouteSendsToTheConfiguredServer() {
        template.sendBody("direct:send", "hello from Spring Boot");

        assertThat(LIVEDESK.simulator().conversation(141L).messages()).singleElement().satisfies(message -> {
            assertThat(message.content()).isEqualTo("hello from Spring Boot");
            assertThat(message.privateMessage()).as("private-message=true").isTrue();
            assertThat(message.inReplyTo()).isEqualTo(7001L);
        });
        assertThat(LIVEDESK.simulator().messages()).extracting(StoredMessage::conversationId).containsOnly(141L);
    }
}
