package io.github.camellivedesk;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Makes {@code CAMEL_COMPONENT_LIVEDESK_API_KEY}, {@code _API_SECRET}, {@code _BASE_URL} (any
 * {@code CAMEL_COMPONENT_LIVEDESK_<OPTION>}) configure the component in Camel Main, as Camel documents for every
 * component.
 * <p>
 * Camel Main 4.18.0 gathers no such variable for any component: it filters the environment with the prefix
 * {@code camel.component.} against upper-case names (its debug log says "Gathered 0 ENV variables"; {@code seda} is
 * not configured either). Camel loads this plugin through {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin}
 * when a context is built, and it hands the variables to the properties component as override properties under the
 * name Camel Main gives them ({@code camel.component.livedesk.api-key}), so they take precedence over property files
 * as environment variables do in Camel Main. Spring Boot and Quarkus bind environment variables themselves; there
 * the entries only back {@code {{camel.component.livedesk.*}}} placeholders with the same values.
 */
public final class LiveDeskEnvironmentVariables implements ContextServicePlugin {

    static final String PREFIX = "CAMEL_COMPONENT_LIVEDESK_";

    @Override
    public void load(CamelContext camelContext) {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        fromEnvironment(System.getenv())
                .forEach((key, value) -> properties.addOverrideProperty((String) key, (String) value));
    }

    /** {@code CAMEL_COMPONENT_LIVEDESK_API_KEY} becomes {@code camel.component.livedesk.api-key}, as in Camel Main. */
    static Properties fromEnvironment(Map<String, String> environment) {
        Properties answer = new Properties();
        environment.forEach((name, value) -> {
            String upper = name.toUpperCase(Locale.US);
            if (upper.startsWith(PREFIX) && upper.length() > PREFIX.length()) {
                String option = upper.substring(PREFIX.length()).toLowerCase(Locale.US).replace('_', '-');
                answer.setProperty("camel.component.livedesk." + option, value);
            }
        });
        return answer;
    }
}
