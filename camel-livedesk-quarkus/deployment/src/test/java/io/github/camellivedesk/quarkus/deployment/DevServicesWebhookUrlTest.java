package io.github.camellivedesk.quarkus.deployment;

import java.util.logging.Level;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook URL set for Dev Services is where the simulator posts its events, instead of the application's port.
 */
class DevServicesWebhookUrlTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.livedesk.devservices.webhook-url", "http://127.0.0.1:9/hooks/livedesk")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.INFO.intValue()
                    && record.getLoggerName().startsWith("io.github.camellivedesk"))
            .assertLogRecords(records -> assertThat(records)
                    .extracting(record -> String.format(record.getMessage(), record.getParameters()))
                    .anySatisfy(line -> assertThat(line).startsWith("Dev Services for LiveDesk started")
                            .endsWith("; it posts webhook events to http://127.0.0.1:9/hooks/livedesk")));

    @Test
    void theSimulatorPostsWhereTheSettingSays() {
        // the log line checked above is the simulator's own account of its settings
    }
}
