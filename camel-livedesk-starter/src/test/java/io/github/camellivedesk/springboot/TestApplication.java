package io.github.camellivedesk.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Boot application with one route to LiveDesk, configured only by properties. */
@SpringBootApplication
public class TestApplication {

    @Bean
    RouteBuilder sendRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("send-to-livedesk").to("livedesk:send?conversationId=141");
            }
        };
    }
}
