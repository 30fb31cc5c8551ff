package io.github.camellivedesk.springboot;

import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's properties against the component's catalog: the IDE metadata that spring-boot-configuration-processor
 * generated from {@link LiveDeskComponentConfiguration} must list every component option (and nothing else but
 * {@code enabled}) with the catalog's type, default and description. On a difference it prints the field to write.
 */
class LiveDeskStarterCatalogSyncTest {

    private static final String PREFIX = LiveDeskComponentConfiguration.PREFIX + ".";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComponentOptionIsAStarterPropertyWithTheCatalogsTypeDefaultAndDescription() throws Exception {
        JsonNode catalog = read(
                LiveDeskStarterCatalogSyncTest.class.getResource("/META-INF/io/github/camellivedesk/livedesk.json"))
                .path("componentProperties");
        Map<String, JsonNode> starter = starterProperties();

        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            JsonNode expected = option.getValue();
            JsonNode actual = starter.remove(PREFIX + StringHelper.camelCaseToDash(name));
            String type = starterType(expected);
            if (actual == null) {
                problems.add("missing option " + name + ": add to LiveDeskComponentConfiguration\n"
                        + field(name, type, expected));
                continue;
            }
            // the processor writes type arguments without the space Camel's catalog puts after the comma
            if (!type.replace(" ", "").equals(actual.path("type").asText().replace(" ", ""))) {
                problems.add(
                        "option " + name + " has type " + actual.path("type").asText() + ", the catalog says " + type
                                + ": change the field to\n" + field(name, type, expected));
            }
            if (!sameDefault(expected, actual)) {
                problems.add("option " + name + " has default " + text(actual.get("defaultValue"))
                        + ", the catalog says "
                        + text(expected.get("defaultValue")) + ": change the field to\n" + field(name, type, expected));
            }
            if (!normalized(expected.path("description").asText())
                    .equals(normalized(actual.path("description").asText()))) {
                problems.add("option " + name + " is described differently: make the field's Javadoc\n"
                        + javadoc(expected.path("description").asText()));
            }
        }
        starter.remove(PREFIX + "enabled");
        starter.keySet().forEach(
                extra -> problems.add("property " + extra + " is no option of the component: remove its field"));

        assertThat(problems).as("camel-livedesk-starter out of sync with the component catalog (livedesk.json):\n%s",
                String.join("\n\n", problems)).isEmpty();
    }

    /** The generated metadata of this module, keyed by property name. */
    private static Map<String, JsonNode> starterProperties() throws Exception {
        URL location = LiveDeskComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
        URL metadata = new URL(location, "META-INF/spring-configuration-metadata.json");
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode property : read(metadata).path("properties")) {
            if (property.path("name").asText().startsWith(PREFIX)) {
                properties.put(property.path("name").asText(), property);
            }
        }
        assertThat(properties).as("metadata generated from LiveDeskComponentConfiguration").isNotEmpty();
        return properties;
    }

    private static JsonNode read(URL url) throws Exception {
        assertThat(url).isNotNull();
        try (InputStream in = url.openStream()) {
            return JSON.readTree(in);
        }
    }

    /** The Java type the starter uses: boxed, so that unset stays unset; durations as {@link Duration}. */
    private static String starterType(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return Duration.class.getName();
        }
        return switch (option.path("javaType").asText()) {
            case "int" -> Integer.class.getName();
            case "long" -> Long.class.getName();
            case "boolean" -> Boolean.class.getName();
            case "double" -> Double.class.getName();
            default -> option.path("javaType").asText();
        };
    }

    private static boolean sameDefault(JsonNode catalog, JsonNode starter) {
        JsonNode expected = catalog.get("defaultValue");
        JsonNode actual = starter.get("defaultValue");
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if ("duration".equals(catalog.path("type").asText())) {
            return TimeUtils.toDuration(expected.asText()).equals(DurationStyle.detectAndParse(actual.asText()));
        }
        return Objects.equals(expected.asText(), actual.asText());
    }

    private static String field(String name, String type, JsonNode option) {
        String simple = type.startsWith("java.lang.") || type.equals(Duration.class.getName())
                ? type.substring(type.lastIndexOf('.') + 1) : type;
        JsonNode value = option.get("defaultValue");
        String initial = "";
        if (value != null) {
            initial = switch (simple) {
                case "Duration" -> " = Duration.ofMillis(" + TimeUtils.toMilliSeconds(value.asText()) + ")";
                case "String" -> " = \"" + value.asText() + "\"";
                case "Long" -> " = " + value.asText() + "L";
                default -> " = " + value.asText();
            };
        }
        return javadoc(option.path("description").asText()) + "\n    private " + simple + " " + name + initial
                + ";\n    (plus its getter and setter)";
    }

    private static String javadoc(String description) {
        return "    /**\n     * " + description + "\n     */";
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String text(JsonNode value) {
        return value == null ? "(none)" : value.asText();
    }
}
