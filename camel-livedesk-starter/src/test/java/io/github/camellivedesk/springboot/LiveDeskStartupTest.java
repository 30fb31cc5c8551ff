package io.github.camellivedesk.springboot;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.github.camellivedesk.LiveDeskComponent;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up of a Spring Boot application with the starter, under the forms users write properties in (relaxed binding,
 * environment variables) and with wrong or missing ones: these fail the start-up with the component's message.
 */
class LiveDeskStartupTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, LiveDeskComponentConverter.class,
                    LiveDeskComponentAutoConfiguration.class))
            .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to("livedesk:send?conversationId=141");
                }
            });

    // a failed start-up is logged by Camel (ERROR, with the stack trace) and Spring (WARN): kept here, not in the
    // build's output, and asserted on where it matters (the secret never in it)
    private static final List<String> STARTUP_LOGGERS = List.of("org.apache.camel.impl.engine.AbstractCamelContext",
            "org.springframework.context.annotation.AnnotationConfigApplicationContext");
    private final ListAppender<ILoggingEvent> startupLog = new ListAppender<>();

    @BeforeEach
    void captureStartupFailures() {
        startupLog.start();
        for (String name : STARTUP_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.addAppender(startupLog);
            logger.setAdditive(false);
        }
    }

    @AfterEach
    void releaseStartupLog() {
        for (String name : STARTUP_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.detachAppender(startupLog);
            logger.setAdditive(true);
        }
        startupLog.stop();
    }

    @Test
    void camelCaseNamesBindToo() {
        runner.withPropertyValues("camel.component.livedesk.baseUrl=" + LIVEDESK.baseUrl(),
                "camel.component.livedesk.apiKey=" + LIVEDESK.apiKey(),
                "camel.component.livedesk.apiSecret=" + LIVEDESK.apiSecret(),
                "camel.component.livedesk.requestTimeout=7s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().getRequestTimeout()).isEqualTo(7000);
                    sendAndExpectStored(context);
                });
    }

    @Test
    void environmentVariablesBind() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "CAMEL_COMPONENT_LIVEDESK_BASE_URL", LIVEDESK.baseUrl(),
                        "CAMEL_COMPONENT_LIVEDESK_API_KEY", LIVEDESK.apiKey(),
                        "CAMEL_COMPONENT_LIVEDESK_API_SECRET", LIVEDESK.apiSecret(),
                        "CAMEL_COMPONENT_LIVEDESK_THROW_EXCEPTION_ON_FAILURE", "false"))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(component(context).getConfiguration().isThrowExceptionOnFailure()).isFalse();
                    sendAndExpectStored(context);
                });
    }

    @Test
    void missingApiKeyFailsTheStartupWithTheComponentsMessage() {
        runner.withPropertyValues("camel.component.livedesk.base-url=" + LIVEDESK.baseUrl(),
                "camel.component.livedesk.api-secret=" + LIVEDESK.apiSecret())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(LiveDeskValidationException.class)
                            .hasMessageContaining("option apiKey: is missing or blank");
                    assertThat(context.getStartupFailure()).rootCause().message().doesNotContain(LIVEDESK.apiSecret());
                    assertThat(startupLog.list).extracting(ILoggingEvent::getFormattedMessage)
                            .anySatisfy(line -> assertThat(line).contains("option apiKey: is missing or blank"))
                            .allSatisfy(line -> assertThat(line).doesNotContain(LIVEDESK.apiSecret()));
                });
    }

    @Test
    void aBaseUrlThatIsNoUrlFailsTheStartup() {
        runner.withPropertyValues("camel.component.livedesk.base-url=livedesk.example.com",
                "camel.component.livedesk.api-key=" + LIVEDESK.apiKey(),
                "camel.component.livedesk.api-secret=" + LIVEDESK.apiSecret())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("baseUrl")
                            .hasMessageContaining("livedesk.example.com");
                });
    }

    @Test
    void aValueOfTheWrongTypeFailsTheStartupNamingTheProperty() {
        runner.withPropertyValues("camel.component.livedesk.request-timeout=soon",
                "camel.component.livedesk.api-key=" + LIVEDESK.apiKey(),
                "camel.component.livedesk.api-secret=" + LIVEDESK.apiSecret())
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .hasStackTraceContaining("camel.component.livedesk.request-timeout")
                            .hasStackTraceContaining("soon");
                });
    }

    @Test
    void disabledLeavesTheComponentUnconfigured() {
        runner.withPropertyValues("camel.component.livedesk.enabled=false",
                "camel.component.livedesk.api-key=" + LIVEDESK.apiKey(),
                "camel.component.livedesk.api-secret=" + LIVEDESK.apiSecret())
                .run(context -> {
                    // the credentials were not copied: the route cannot start
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("option apiKey: is missing");
                });
    }

    private static LiveDeskComponent component(org.springframework.context.ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("livedesk", LiveDeskComponent.class);
    }

    private static void sendAndExpectStored(org.springframework.context.ApplicationContext context) {
        context.getBean(CamelContext.class).createProducerTemplate().sendBody("direct:send", "relaxed");
        assertThat(LIVEDESK.simulator().conversation(141L).messages()).singleElement()
                .satisfies(message -> assertThat(message.content()).isEqualTo("relaxed"));
    }
}
