package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code additional_attributes} of a received message.
 *
 * @param templateParams the template that was sent, for template messages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageAdditionalAttributes(@JsonProperty("template_params") TemplateParams templateParams) {
}
