package io.github.camellivedesk.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.livedesk.devservices.enabled", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.github.camellivedesk"))
            .assertLogRecords(records -> assertThat(records)
                    .noneSatisfy(record -> assertThat(record.getMessage()).contains("LiveDesk simulator")));

    @Test
    void noSimulatorIsStarted() {
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.livedesk.base-url", String.class))
                .isEmpty();
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.livedesk.api-secret", String.class))
                .isEmpty();
    }
}
