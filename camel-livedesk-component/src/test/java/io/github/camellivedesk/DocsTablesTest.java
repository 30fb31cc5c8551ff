package io.github.camellivedesk;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options and headers tables of the .adoc page and the README are generated from the catalog JSON, which is
 * generated from the annotations: one description per option, in one place. This test fails when a table is stale;
 * {@code ./mvnw -pl camel-livedesk-component test -Dtest=DocsTablesTest -Dlivedesk.updateDocs=true} rewrites them.
 */
class DocsTablesTest {

    private static final Path ADOC = Path.of("src/main/docs/livedesk-component.adoc");
    private static final Path README = Path.of("../README.md");

    @Test
    void tablesAreGeneratedFromTheCatalog() throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camellivedesk/livedesk.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        Map<String, String> adocTables = Map.of(
                "component-options", adocTable(catalog.get("componentProperties"), true),
                "endpoint-options", adocTable(catalog.get("properties"), true),
                "headers", adocTable(catalog.get("headers"), false));
        Map<String, String> markdownTables = Map.of(
                "component-options", markdownTable(catalog.get("componentProperties"), true),
                "endpoint-options", markdownTable(catalog.get("properties"), true),
                "headers", markdownTable(catalog.get("headers"), false));
        check(ADOC, adocTables, "// livedesk-%s: START\n", "// livedesk-%s: END");
        check(README, markdownTables, "<!-- livedesk-%s: START -->\n", "<!-- livedesk-%s: END -->");
    }

    private static void check(Path file, Map<String, String> tables, String startMarker, String endMarker)
            throws Exception {
        String text = Files.readString(file);
        String updated = text;
        for (Map.Entry<String, String> table : tables.entrySet()) {
            String start = String.format(startMarker, table.getKey());
            String end = String.format(endMarker, table.getKey());
            int from = updated.indexOf(start);
            int to = updated.indexOf(end);
            assertThat(from).as("%s has the marker %s", file, start.trim()).isNotNegative();
            assertThat(to).as("%s has the marker %s", file, end).isGreaterThan(from);
            updated = updated.substring(0, from + start.length()) + table.getValue() + updated.substring(to);
        }
        if (Boolean.getBoolean("livedesk.updateDocs")) {
            Files.writeString(file, updated);
        } else {
            assertThat(text).as("%s tables match the catalog; regenerate them with -Dlivedesk.updateDocs=true", file)
                    .isEqualTo(updated);
        }
    }

    private static String adocTable(JsonNode entries, boolean options) {
        StringBuilder out = new StringBuilder("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append(options ? "| Name | Description | Default | Type\n" : "| Name | Description | Group | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            out.append("| *").append(entry.getKey()).append("*");
            if (options) {
                out.append(" (").append(value.path("group").asText()).append(")");
            }
            out.append(" | ").append(escapeAdoc(description(value)))
                    .append(" | ")
                    .append(options ? escapeAdoc(value.path("defaultValue").asText(""))
                            : value.path("group").asText(""))
                    .append(" | ").append(simpleType(value.path("javaType").asText())).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String markdownTable(JsonNode entries, boolean options) {
        StringBuilder out = new StringBuilder(options ? "| Option | Group | Default | Type | Description |\n"
                : "| Header | Group | Type | Description |\n")
                .append(options ? "|---|---|---|---|---|\n" : "|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            out.append("| `").append(entry.getKey()).append("` | ").append(value.path("group").asText()).append(" | ");
            if (options) {
                String defaultValue = value.path("defaultValue").asText("");
                out.append(defaultValue.isEmpty() ? "" : "`" + defaultValue + "`").append(" | ");
            }
            out.append(simpleType(value.path("javaType").asText())).append(" | ")
                    .append(description(value).replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    private static String description(JsonNode value) {
        String text = value.path("description").asText();
        if (value.path("required").asBoolean()) {
            text += " Required.";
        }
        return value.path("secret").asBoolean() ? text + " Secret: masked in logs and the catalog." : text;
    }

    /** Every class name without its package, type parameters too: {@code StateRepository<String, String>}. */
    private static String simpleType(String javaType) {
        return javaType.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }

    private static String escapeAdoc(String text) {
        return text.replace("|", "\\|");
    }
}
