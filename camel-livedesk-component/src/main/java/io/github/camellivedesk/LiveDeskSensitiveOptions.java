package io.github.camellivedesk;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.util.SensitiveUtils;

/**
 * Tells Camel which of this component's options are secrets, so Camel Main's configuration summaries, the property
 * placeholder summary and Camel Spring Boot mask them with default settings.
 * <p>
 * Camel decides with {@link SensitiveUtils}, a fixed list built from the catalogs of Camel's own components, plus the
 * context's additional sensitive keywords ({@code camel.main.additional-sensitive-keywords}). {@code apiSecret} is not
 * in that list ({@code api_secret} is), so it would be printed in clear. Camel loads this plugin through
 * {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin} when a context is built, before any property is
 * configured, and it adds the component's secret option names that the list lacks to the additional keywords, keeping
 * those a user set. The names come from the generated URI factory, which the catalog's {@code secret = true} feeds.
 */
public final class LiveDeskSensitiveOptions implements ContextServicePlugin {

    @Override
    public void load(CamelContext camelContext) {
        register(camelContext);
    }

    /** Adds this component's secret option names to the context's sensitive keywords; safe to call again. */
    static void register(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        String existing = extension.getAdditionalSensitiveKeywords();
        Set<String> keywords = new LinkedHashSet<>();
        if (existing != null && !existing.isBlank()) {
            for (String keyword : existing.split(",")) {
                keywords.add(keyword.trim());
            }
        }
        boolean added = false;
        for (String option : new LiveDeskEndpointUriFactory().secretPropertyNames()) {
            String keyword = option.toLowerCase(Locale.ENGLISH);
            // Camel compares option names lower-cased without dashes, the form the keyword must have
            if (!SensitiveUtils.containsSensitive(keyword) && keywords.add(keyword)) {
                added = true;
            }
        }
        if (added) {
            extension.setAdditionalSensitiveKeywords(String.join(",", keywords));
        }
    }
}
