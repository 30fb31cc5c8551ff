package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code content_attributes} of a message being sent.
 *
 * @param inReplyTo id of the message this one answers
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutgoingContentAttributes(@JsonProperty("in_reply_to") Long inReplyTo) {
}
