package io.github.camellivedesk.examples.springboot;

import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * The {@code simulator} profile: an embedded LiveDesk simulator on a free loopback port, and the component pointed
 * at it, whatever application.yml or the environment say. No account, no network.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulator")
public class SimulatorConfiguration {

    @Bean(destroyMethod = "close")
    LiveDeskSimulator liveDeskSimulator() {
        // any conversation id is accepted, so requests can be tried freely
        return LiveDeskSimulator.builder().autoCreateConversations(true).build().start();
    }

    @Bean
    ComponentCustomizer liveDeskOnTheSimulator(LiveDeskSimulator simulator) {
        return ComponentCustomizer.builder(LiveDeskComponent.class)
                // after the starter's customizer, which copies application.yml
                .withOrder(Ordered.LOWEST)
                .build(component -> {
                    component.getConfiguration().setBaseUrl(simulator.baseUrl());
                    component.getConfiguration().setApiKey(simulator.apiKey());
                    component.getConfiguration().setApiSecret(simulator.apiSecret());
                });
    }
}
