package io.github.camellivedesk.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the routes of {@link LiveDeskRoutes}; everything else comes from application.yml. */
@SpringBootApplication
public class LiveDeskSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(LiveDeskSpringBootApplication.class, args);
    }
}
