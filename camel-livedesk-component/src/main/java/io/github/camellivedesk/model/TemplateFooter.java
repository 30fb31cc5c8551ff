package io.github.camellivedesk.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code footer_params}.
 *
 * @param textVariables footer variables by position
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateFooter(@JsonProperty("text_variables") Map<String, String> textVariables) {

    public TemplateFooter {
        textVariables = textVariables == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(textVariables));
    }
}
