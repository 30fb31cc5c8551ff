package io.github.camellivedesk.quarkus.deployment;

import io.quarkus.test.QuarkusUnitTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A configured base URL is the user's choice: Dev Services leave LiveDesk alone. */
class DevServicesBaseUrlConfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.livedesk.base-url", "http://127.0.0.1:9")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.github.camellivedesk"))
            .assertLogRecords(records -> assertThat(records)
                    .noneSatisfy(record -> assertThat(record.getMessage()).contains("LiveDesk simulator")));

    @Test
    void noSimulatorAndNoCredentialsAreSupplied() {
        assertThat(ConfigProvider.getConfig().getValue("camel.component.livedesk.base-url", String.class))
                .isEqualTo("http://127.0.0.1:9");
        assertThat(ConfigProvider.getConfig().getOptionalValue("camel.component.livedesk.api-key", String.class))
                .isEmpty();
    }
}
