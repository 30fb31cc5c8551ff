package io.github.camellivedesk.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code template_params}: which template to send and the values of its variables. Also read back from
 * {@code additional_attributes.template_params} of a response, which may carry only some fields.
 *
 * @param name            template name (required to send)
 * @param namespace       template namespace
 * @param language        language code such as {@code en_US} (required to send)
 * @param category        category such as {@code MARKETING}
 * @param processedParams body variables by position ("1", "2") or name
 * @param headerParams    header component parameters
 * @param footerParams    footer component parameters
 * @param buttonParams    button component parameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "name", "namespace", "language", "category", "processed_params", "header_params",
        "footer_params", "button_params" })
public record TemplateParams(
        @JsonProperty("name") String name,
        @JsonProperty("namespace") String namespace,
        @JsonProperty("language") String language,
        @JsonProperty("category") String category,
        @JsonProperty("processed_params") Map<String, String> processedParams,
        @JsonProperty("header_params") TemplateHeader headerParams,
        @JsonProperty("footer_params") TemplateFooter footerParams,
        @JsonProperty("button_params") List<TemplateButton> buttonParams) {

    public TemplateParams {
        processedParams = processedParams == null ? null : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(processedParams));
        buttonParams = buttonParams == null ? null : java.util.Collections.unmodifiableList(
                new java.util.ArrayList<>(buttonParams));
    }
}
