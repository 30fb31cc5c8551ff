package io.github.camellivedesk;

import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoint validation with the catalog, as tooling and Camel's runtime catalog do it: credentials that the component
 * supplies are not reported missing, while a misspelt option still is.
 */
class CatalogValidationTest {

    @Test
    void credentialsGivenOnTheComponentAreNotReportedMissing() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EndpointValidationResult result = PluginHelper.getRuntimeCamelCatalog(context)
                    .validateProperties("livedesk", Map.of("operation", "send", "conversationId", "141"));

            assertThat(result.isSuccess()).as(result.summaryErrorMessage(false)).isTrue();
            assertThat(result.getRequired()).isNullOrEmpty();
        }
    }

    @Test
    void aMisspeltOptionIsReported() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            EndpointValidationResult result = PluginHelper.getRuntimeCamelCatalog(context)
                    .validateProperties("livedesk", Map.of("operation", "send", "conversationID", "141"));

            assertThat(result.isSuccess()).isFalse();
            assertThat(result.getUnknown()).containsExactly("conversationID");
        }
    }

    @Test
    void componentPropertiesNameTheComponentAndItsArtifact() throws Exception {
        Properties properties = new Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            properties.load(in);
        }
        assertThat(properties).containsEntry("components", "livedesk")
                .containsEntry("groupId", "io.github.camel-livedesk").containsEntry("artifactId", "camel-livedesk");
    }
}
