package io.github.camellivedesk;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Kamelet the jar ships under {@code kamelets/} is well formed in the apache/camel-kamelets format, and every
 * property it passes to a secret option of the component is declared as a password credential, so tools that render
 * Kamelet forms (Kaoto, the Camel K operator, Hawtio) mask it.
 */
class KameletFilesTest {

    private static final String SUFFIX = ".kamelet.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");

    @Test
    void everyKameletParsesAndDeclaresItsSecretsAsPasswordCredentials() throws Exception {
        JsonNode endpointOptions;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camellivedesk/livedesk.json")) {
            endpointOptions = new ObjectMapper().readTree(in).get("properties");
        }
        Path folder = Path.of(getClass().getResource("/kamelets").toURI());
        List<Path> kamelets;
        try (Stream<Path> files = Files.list(folder)) {
            kamelets = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        assertThat(kamelets).extracting(file -> file.getFileName().toString())
                .contains("livedesk-sink" + SUFFIX, "livedesk-template-sink" + SUFFIX, "livedesk-source" + SUFFIX);

        for (Path file : kamelets) {
            String name = file.getFileName().toString().replace(SUFFIX, "");
            Map<String, Object> kamelet = map(new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file)));
            assertThat(kamelet).as(name).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind",
                    "Kamelet");
            Map<String, Object> metadata = map(kamelet.get("metadata"));
            assertThat(metadata).as(name).containsEntry("name", name);
            // a sink sends to livedesk: from kamelet:source, a source receives from livedesk: into kamelet:sink
            String type = name.endsWith("-source") ? "source" : "sink";
            assertThat(map(metadata.get("labels"))).as(name).containsEntry("camel.apache.org/kamelet.type", type);
            assertThat(map(metadata.get("annotations"))).as(name).containsKeys("camel.apache.org/provider",
                    "camel.apache.org/kamelet.support.level", "camel.apache.org/kamelet.group");

            Map<String, Object> spec = map(kamelet.get("spec"));
            Map<String, Object> definition = map(spec.get("definition"));
            assertThat((String) definition.get("title")).as(name).isNotBlank();
            assertThat((String) definition.get("description")).as(name).isNotBlank();
            Map<String, Object> properties = map(definition.get("properties"));
            properties.forEach((property, declaration) -> assertThat(map(declaration))
                    .as(name + " property " + property).containsKeys("title", "description", "type"));
            if (definition.containsKey("required")) {
                assertThat(properties).as(name)
                        .containsKeys(((List<?>) definition.get("required")).toArray(String[]::new));
            }

            Map<String, Object> from = map(map(spec.get("template")).get("from"));
            Map<String, Object> to;
            if (type.equals("sink")) {
                assertThat(from).as(name).containsEntry("uri", "kamelet:source");
                to = ((List<?>) from.get("steps")).stream().map(KameletFilesTest::map)
                        .filter(step -> step.containsKey("to")).map(step -> map(step.get("to")))
                        .filter(step -> String.valueOf(step.get("uri")).startsWith("livedesk:")).findFirst()
                        .orElseThrow();
            } else {
                assertThat(String.valueOf(from.get("uri"))).as(name).startsWith("livedesk:");
                assertThat(((List<?>) from.get("steps")).contains(Map.of("to", "kamelet:sink"))).as(name).isTrue();
                to = from;
            }
            assertThat(endpointOptions.get("operation").get("enum")).extracting(JsonNode::asText).as(name)
                    .contains(String.valueOf(to.get("uri")).substring("livedesk:".length()));
            map(to.get("parameters")).forEach((option, value) -> {
                assertThat(endpointOptions.has(option)).as(name + ": " + option + " is an endpoint option").isTrue();
                Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
                assertThat(placeholder.matches()).as(name + ": " + option + " takes a Kamelet property").isTrue();
                String property = placeholder.group(1);
                assertThat(properties).as(name + ": " + option + " refers to a declared property")
                        .containsKey(property);
                if (endpointOptions.get(option).path("secret").asBoolean()) {
                    Map<String, Object> declaration = map(properties.get(property));
                    assertThat(declaration).as(name + ": secret " + property).containsEntry("format", "password");
                    assertThat(declaration.get("x-descriptors")).as(name + ": secret " + property)
                            .asInstanceOf(InstanceOfAssertFactories.list(String.class))
                            .contains("urn:camel:group:credentials", "urn:alm:descriptor:com.tectonic.ui:password");
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
