package io.github.camellivedesk;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated catalog JSON, the code and the docs say the same thing: every option and header is declared with a
 * description, every declared input header is read, every header read is declared, and the .adoc page lists them.
 */
class CatalogMetadataTest {

    private static final Set<String> OUT_ONLY_HEADERS = Set.of(LiveDeskConstants.MESSAGE_STATUS,
            LiveDeskConstants.EXTERNAL_ERROR, LiveDeskConstants.HTTP_RESPONSE_CODE,
            LiveDeskConstants.CONVERSATION_STATUS, LiveDeskConstants.EVENT, LiveDeskConstants.DELIVERY_ID,
            LiveDeskConstants.MESSAGE_DIRECTION);

    private static JsonNode catalog;

    @BeforeAll
    static void loadCatalog() throws Exception {
        try (InputStream in = CatalogMetadataTest.class
                .getResourceAsStream("/META-INF/io/github/camellivedesk/livedesk.json")) {
            assertThat(in).as("catalog JSON on the classpath").isNotNull();
            catalog = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void componentDescribesItself() {
        JsonNode component = catalog.get("component");
        assertThat(component.get("scheme").asText()).isEqualTo("livedesk");
        assertThat(component.get("syntax").asText()).isEqualTo("livedesk:operation");
        // livedesk:events consumes, the other operations produce
        assertThat(component.get("producerOnly").asBoolean()).isFalse();
        assertThat(component.get("consumerOnly").asBoolean()).isFalse();
        assertThat(component.get("description").asText()).contains("LiveDesk");
    }

    @Test
    void everyConfigurationOptionIsAnEndpointAndComponentOptionWithADescription() {
        for (Field field : LiveDeskConfiguration.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)) {
                assertOption(catalog.get("properties"), field.getName());
                assertOption(catalog.get("componentProperties"), field.getName());
            }
        }
        for (Field field : LiveDeskComponent.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class)) {
                assertOption(catalog.get("componentProperties"), field.getName());
            }
        }
        assertOption(catalog.get("properties"), "operation");
        assertThat(catalog.get("properties").get("operation").get("enum").toString())
                .isEqualTo("[\"send\",\"template\",\"retry\",\"contact\",\"conversation\",\"status\",\"events\"]");
    }

    private static void assertOption(JsonNode options, String name) {
        assertThat(options.has(name)).as("option %s in the catalog", name).isTrue();
        assertThat(options.get(name).get("description").asText()).as("description of %s", name).isNotBlank();
    }

    @Test
    void secretsAreMarkedSecret() {
        for (String name : new String[]{ "apiKey", "apiSecret", "webhookSecret", "webhookToken" }) {
            assertThat(catalog.get("properties").get(name).get("secret").asBoolean()).as(name).isTrue();
            assertThat(catalog.get("componentProperties").get(name).get("secret").asBoolean()).as(name).isTrue();
        }
        assertThat(catalog.get("componentProperties").get("proxyPassword").get("secret").asBoolean()).isTrue();
    }

    @Test
    void defaultsMatchTheCode() {
        JsonNode properties = catalog.get("properties");
        assertThat(properties.get("baseUrl").get("defaultValue").asText())
                .isEqualTo(new LiveDeskConfiguration().getBaseUrl());
        assertThat(properties.get("throwExceptionOnFailure").get("defaultValue").asBoolean()).isTrue();
        assertThat(properties.get("requestTimeout").get("defaultValue").asText()).isEqualTo("60s");
        assertThat(properties.get("maxAttachments").get("defaultValue").asInt()).isEqualTo(15);
        assertThat(properties.get("path").get("defaultValue").asText())
                .isEqualTo(new LiveDeskConfiguration().getPath());
        assertThat(properties.get("maxBodySize").get("defaultValue").asLong())
                .isEqualTo(new LiveDeskConfiguration().getMaxBodySize());
        assertThat(properties.get("signatureTolerance").get("defaultValue").asText()).isEqualTo("5m");
        assertThat(new LiveDeskConfiguration().getSignatureTolerance()).isEqualTo(300_000);
        assertThat(catalog.get("componentProperties").get("maxConnections").get("defaultValue").asInt()).isEqualTo(64);
    }

    @Test
    void headersDeclaredAreExactlyTheConstants() throws Exception {
        assertThat(names(catalog.get("headers"))).isEqualTo(constantValues());
        for (Iterator<JsonNode> it = catalog.get("headers").elements(); it.hasNext();) {
            assertThat(it.next().get("description").asText()).isNotBlank();
        }
    }

    @Test
    void everyInputHeaderIsReadAndEveryHeaderReadIsDeclared() throws Exception {
        Set<String> read = constantsUsedIn(Path.of("src/main/java/io/github/camellivedesk/internal"),
                Pattern.compile("HeaderNames\\.([A-Z_]+)"));
        Set<String> declaredInputs = new TreeSet<>(constantValues());
        declaredInputs.removeAll(OUT_ONLY_HEADERS);
        assertThat(read).isEqualTo(declaredInputs);

        Pattern setHeader = Pattern.compile("(?:setHeader|setOrRemove)\\((?:out, )?LiveDeskConstants\\.([A-Z_]+)");
        Set<String> written = new TreeSet<>(
                constantsUsedIn(Path.of("src/main/java/io/github/camellivedesk/LiveDeskProducer.java"), setHeader));
        written.addAll(
                constantsUsedIn(Path.of("src/main/java/io/github/camellivedesk/LiveDeskEventsConsumer.java"),
                        setHeader));
        assertThat(constantValues()).containsAll(written);
        assertThat(written).containsAll(OUT_ONLY_HEADERS);
    }

    @Test
    void configurersAndUriFactoryAreInTheJar() {
        for (String resource : new String[]{
                "/META-INF/services/org/apache/camel/component/livedesk",
                "/META-INF/services/org/apache/camel/configurer/livedesk-component",
                "/META-INF/services/org/apache/camel/configurer/livedesk-endpoint",
                "/META-INF/services/org/apache/camel/urifactory/livedesk-endpoint",
                "/META-INF/services/org/apache/camel/TypeConverterLoader",
                // what Camel tooling (camel-report-maven-plugin, catalogs) reads to know this jar holds a component
                "/META-INF/services/org/apache/camel/component.properties",
                "/META-INF/services/org.apache.camel.spi.ContextServicePlugin" }) {
            assertThat(getClass().getResource(resource)).as(resource).isNotNull();
        }
    }

    @Test
    void theAdocPageListsEveryOptionAndHeader() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/livedesk-component.adoc"));
        for (Iterator<String> it = catalog.get("componentProperties").fieldNames(); it.hasNext();) {
            String name = it.next();
            assertThat(adoc).as("component option %s in the adoc", name).contains("| *" + name + "*");
        }
        for (Iterator<String> it = catalog.get("properties").fieldNames(); it.hasNext();) {
            String name = it.next();
            assertThat(adoc).as("endpoint option %s in the adoc", name).contains("| *" + name + "*");
        }
        for (String header : constantValues()) {
            assertThat(adoc).as("header %s in the adoc", header).contains("| *" + header + "*");
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> constantValues() throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : LiveDeskConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    private static Set<String> constantsUsedIn(Path path, Pattern pattern) throws Exception {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add((String) LiveDeskConstants.class.getField(matcher.group(1)).get(null));
                }
            }
        }
        return new TreeSet<>(used);
    }
}
