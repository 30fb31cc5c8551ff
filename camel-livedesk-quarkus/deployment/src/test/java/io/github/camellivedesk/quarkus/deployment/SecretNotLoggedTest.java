package io.github.camellivedesk.quarkus.deployment;

import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own credentials, with default logging settings: the start-up log (Camel's configuration
 * summary included) and the Dev Services line never show the secret.
 */
class SecretNotLoggedTest {

    private static final String SECRET = "s3cret-that-must-not-be-logged";
    private static final String WEBHOOK_SECRET = "webhook-s3cret-that-must-not-be-logged";
    private static final String WEBHOOK_TOKEN = "webhook-t0ken-that-must-not-be-logged";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.livedesk.api-key", "quarkus-test-key")
            .overrideConfigKey("camel.component.livedesk.api-secret", SECRET)
            .overrideConfigKey("camel.component.livedesk.webhook-secret", WEBHOOK_SECRET)
            .overrideConfigKey("camel.component.livedesk.webhook-token", WEBHOOK_TOKEN)
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(records -> {
                // the summary is there, so the assertion below has something to look at
                assertThat(records).map(SecretNotLoggedTest::format).anySatisfy(line -> assertThat(line)
                        .contains("camel.component.livedesk.apiKey"));
                assertThat(records).map(SecretNotLoggedTest::format).noneSatisfy(line -> assertThat(line)
                        .containsAnyOf(SECRET, WEBHOOK_SECRET, WEBHOOK_TOKEN));
            });

    @Inject
    ProducerTemplate producer;

    @Test
    void theSimulatorAcceptsTheConfiguredCredentials() {
        // Dev Services started the simulator with the application's key and secret: a wrong pair would answer 401
        producer.requestBody("livedesk:send?conversationId=141", "authenticated");
    }

    private static String format(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage().replaceAll("\\{\\d+}", "%s"), record.getParameters());
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }
}
