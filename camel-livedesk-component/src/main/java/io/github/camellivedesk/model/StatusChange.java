package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What {@code toggle_status} answered (its {@code payload}).
 *
 * @param success        whether the status changed
 * @param currentStatus  {@code current_status}: the conversation's status now
 * @param conversationId {@code conversation_id}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusChange(
        @JsonProperty("success") Boolean success,
        @JsonProperty("current_status") String currentStatus,
        @JsonProperty("conversation_id") Long conversationId) {
}
