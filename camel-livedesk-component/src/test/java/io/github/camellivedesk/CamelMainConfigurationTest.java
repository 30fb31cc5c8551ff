package io.github.camellivedesk;

import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component configured as Camel Main users configure it: {@code camel.component.livedesk.*} properties (the
 * simulator README's recipe) and {@code CAMEL_COMPONENT_LIVEDESK_*} environment variables, with the secrets masked in
 * what Camel Main logs at start-up with default settings.
 */
class CamelMainConfigurationTest {

    private static final String PROXY_PASSWORD = "proxy-pass-4711";

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L)
            .apiSecret("main-secret-0815").build();

    @Test
    void propertiesConfigureTheComponentAndSecretsAreMaskedInTheStartupLog(@TempDir Path folder) throws Exception {
        Properties properties = new Properties();
        properties.putAll(LIVEDESK.camelComponentProperties());
        // a proxy password without a proxy host is configured but not used: only its masking is looked at here
        properties.put("camel.component.livedesk.proxy-password", PROXY_PASSWORD);
        properties.put("camel.component.livedesk.request-timeout", "5s");
        // an application.properties file, as users write it: Camel Main prints a summary of what it configured
        Path file = folder.resolve("application.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }

        List<String> log;
        Main main = new Main();
        try (LogCapture capture = LogCapture.begin(Level.INFO)) {
            main.setPropertyPlaceholderLocations("file:" + file);
            main.configure().addRoutesBuilder(new SendRoute());
            main.start();
            main.getCamelTemplate().sendBody("direct:send", "hello from Camel Main");
            log = capture.lines();
        } finally {
            main.stop();
        }

        assertThat(LIVEDESK.simulator().conversation(141L).messages()).extracting(StoredMessage::content)
                .containsExactly("hello from Camel Main");
        assertThat(String.join("\n", log)).as("Camel Main's auto-configuration summary is there")
                .contains("camel.component.livedesk.apiSecret").contains("camel.component.livedesk.proxyPassword")
                .contains("camel.component.livedesk.requestTimeout")
                .doesNotContain(LIVEDESK.apiSecret()).doesNotContain(PROXY_PASSWORD).doesNotContain(LIVEDESK.apiKey());
    }

    @Test
    void theSimulatorReadmeRecipeForCamelMain() throws Exception {
        Main main = new Main();
        LIVEDESK.camelComponentProperties().forEach(main::addInitialProperty);
        main.configure().addRoutesBuilder(new SendRoute());
        try {
            main.start();
            main.getCamelTemplate().sendBody("direct:send", "hello from the recipe");
        } finally {
            main.stop();
        }

        assertThat(LIVEDESK.simulator().conversation(141L).messages()).extracting(StoredMessage::content)
                .containsExactly("hello from the recipe");
    }

    @Test
    void environmentVariablesConfigureTheComponent() throws Exception {
        ProcessBuilder child = new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), EnvironmentVariablesApp.class.getName())
                .redirectErrorStream(true);
        Map<String, String> environment = child.environment();
        environment.keySet().removeIf(name -> name.startsWith("CAMEL_"));
        environment.put("CAMEL_COMPONENT_LIVEDESK_BASE_URL", LIVEDESK.baseUrl());
        environment.put("CAMEL_COMPONENT_LIVEDESK_API_KEY", LIVEDESK.apiKey());
        environment.put("CAMEL_COMPONENT_LIVEDESK_API_SECRET", LIVEDESK.apiSecret());
        environment.put("CAMEL_COMPONENT_LIVEDESK_REQUEST_TIMEOUT", "5s");

        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("requestTimeout=5000").doesNotContain(LIVEDESK.apiSecret());
        assertThat(LIVEDESK.simulator().conversation(141L).messages()).extracting(StoredMessage::content)
                .containsExactly("hello from the environment");
    }

    static final class SendRoute extends RouteBuilder {
        @Override
        public void configure() {
            from("direct:send").to("livedesk:send?conversationId=141");
        }
    }

    /** Runs in a child process, whose environment the test sets, as a Camel Main application would. */
    public static final class EnvironmentVariablesApp {
        public static void main(String[] args) throws Exception {
            Main main = new Main();
            main.configure().addRoutesBuilder(new SendRoute());
            try {
                main.start();
                LiveDeskComponent component = main.getCamelContext().getComponent("livedesk", LiveDeskComponent.class);
                System.out.println("requestTimeout=" + component.getConfiguration().getRequestTimeout());
                main.getCamelTemplate().sendBody("direct:send", "hello from the environment");
            } finally {
                main.stop();
            }
        }
    }
}
