package io.github.camellivedesk.springboot;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With default settings, the API secret and the proxy password appear neither in the start-up log of a Spring Boot
 * application (Spring Boot's and Camel's, at INFO) nor in the configuration the actuator reports.
 */
class StartupSecretsTest {

    private static final String API_SECRET = "spring-secret-4242";
    private static final String PROXY_PASSWORD = "proxy-pass-2323";

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L)
            .apiSecret(API_SECRET).build();

    @Test
    void secretsAreNotInTheStartupLogNorInTheActuatorsConfigurationReports(@TempDir Path folder) throws Exception {
        Path log = folder.resolve("application.log");
        String configprops;
        String env;
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(TestApplication.class).run(
                // Spring Boot's default level, INFO, which the other tests' application.properties lowers
                "--logging.config=classpath:logback-startup-log.xml", "--logging.file.name=" + log,
                "--logging.level.root=INFO",
                // users who look at their configuration expose these two; Spring Boot masks their values by default
                "--management.endpoints.web.exposure.include=health,configprops,env",
                "--camel.component.livedesk.base-url=" + LIVEDESK.baseUrl(),
                "--camel.component.livedesk.api-key=" + LIVEDESK.apiKey(),
                "--camel.component.livedesk.api-secret=" + API_SECRET,
                // configured, not used: no proxy host
                "--camel.component.livedesk.proxy-password=" + PROXY_PASSWORD)) {
            application.getBean(ProducerTemplate.class).sendBody("direct:send", "hello");
            ObjectMapper json = new ObjectMapper().findAndRegisterModules();
            configprops = json.writeValueAsString(application.getBean(ConfigurationPropertiesReportEndpoint.class)
                    .configurationProperties());
            env = json.writeValueAsString(application.getBean(EnvironmentEndpoint.class).environment(null));
        }

        assertThat(LIVEDESK.simulator().conversation(141L).messages()).hasSize(1);
        String startup = Files.readString(log);
        assertThat(startup).as("the INFO log was captured").contains("Apache Camel").contains("Started ");
        assertThat(startup).doesNotContain(API_SECRET).doesNotContain(PROXY_PASSWORD);
        assertThat(configprops).as("/actuator/configprops").contains("camel.component.livedesk")
                .doesNotContain(API_SECRET).doesNotContain(PROXY_PASSWORD);
        assertThat(env).as("/actuator/env").contains("camel.component.livedesk.api-secret")
                .doesNotContain(API_SECRET).doesNotContain(PROXY_PASSWORD);
    }
}
