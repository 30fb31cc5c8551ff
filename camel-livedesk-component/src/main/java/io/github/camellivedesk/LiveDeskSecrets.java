package io.github.camellivedesk;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.ContextServicePlugin;
import org.apache.camel.util.SensitiveUtils;

import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * The one place the component keeps its secret options ({@code secret = true} in the catalog: the API credentials and
 * the proxy's) out of what Camel and the component print: Camel's sensitive keywords, the URI an endpoint is created
 * with, and the URI a health check is named after. The value on the wire is masked where it is sent, in the
 * transport's {@code Authorization} header.
 * <p>
 * Camel Main's configuration summaries, the property placeholder summary and Camel Spring Boot mask options whose
 * names Camel knows as sensitive.
 * Camel decides with {@link SensitiveUtils}, a fixed list built from the catalogs of Camel's own components, plus the
 * context's additional sensitive keywords ({@code camel.main.additional-sensitive-keywords}). {@code apiSecret} is not
 * in that list ({@code api_secret} is), so it would be printed in clear. Camel loads this plugin through
 * {@code META-INF/services/org.apache.camel.spi.ContextServicePlugin} when a context is built, before any property is
 * configured, and it adds the component's secret option names that the list lacks to the additional keywords, keeping
 * those a user set. The names come from the generated URI factory, which the catalog's {@code secret = true} feeds.
 */
public final class LiveDeskSecrets implements ContextServicePlugin {

    private static final String MASK = "xxxxxx";

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
        for (String option : secretOptions()) {
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

    /** The names of the secret options, as the catalog's {@code secret = true} gives them. */
    private static Set<String> secretOptions() {
        return new LiveDeskEndpointUriFactory().secretPropertyNames();
    }

    /**
     * The URI an endpoint is created with, such that Camel masks its secrets wherever it prints it. Camel masks a
     * secret written as {@code RAW(...)}, but stores {@code RAW{...}} percent-encoded and masks it only up to its
     * first {@code &}: the rest would show in logs, route dumps and JMX names. Such a secret is written into this
     * endpoint's URI as {@code RAW(...)}, which Camel masks whole; one that also contains {@code )} fits neither form
     * and is refused.
     */
    static String maskableUri(String uri, Map<String, Object> parameters) {
        String safe = uri;
        for (String option : new String[]{ "apiKey", "apiSecret", "webhookSecret", "webhookToken" }) {
            if (!(parameters.get(option) instanceof String value) || value.indexOf('&') < 0
                    || !(safe.contains(option + "=RAW{") || safe.contains(option + "=RAW%7B"))) {
                continue;
            }
            String written = safe.contains(option + "=RAW{" + value + "}") ? option + "=RAW{" + value + "}"
                    : option + "=RAW%7B" + value + "%7D";
            if (value.indexOf(')') >= 0 || !safe.contains(written)) {
                throw new LiveDeskValidationException("option " + option,
                        "is written as RAW{...} and contains '&', which Camel would print unmasked after the '&' "
                                + "wherever it shows this endpoint",
                        "Set it on the component instead (camel.component.livedesk."
                                + option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ENGLISH)
                                + "), or write it as RAW(...) if it contains no ')'");
            }
            safe = safe.replace(written, option + "=RAW(" + value + ")");
        }
        return safe;
    }

    /**
     * The endpoint URI with the values of secret options replaced, so that actuator and dev consoles can show which
     * endpoint a health check is about (an id like {@code endpoint4} says nothing) and never a credential given in
     * the URI.
     */
    static String maskedUri(String uri) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return uri;
        }
        Set<String> secrets = secretOptions();
        StringJoiner masked = new StringJoiner("&", uri.substring(0, query + 1), "");
        for (String parameter : uri.substring(query + 1).split("&")) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            masked.add(secrets.contains(name) ? name + "=" + MASK : parameter);
        }
        return masked.toString();
    }
}
