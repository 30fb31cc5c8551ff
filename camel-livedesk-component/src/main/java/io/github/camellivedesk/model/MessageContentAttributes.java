package io.github.camellivedesk.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code content_attributes} of a received message. Fields other than the two the API documents are kept in
 * {@link #other()} rather than dropped, since channels add their own.
 *
 * @param inReplyTo     id of the message this one answers
 * @param externalError the channel's error when the message failed, e.g. {@code 131047: Re-engagement ...}
 * @param other         any other attribute
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageContentAttributes(
        @JsonProperty("in_reply_to") Long inReplyTo,
        @JsonProperty("external_error") String externalError,
        @JsonAnyGetter Map<String, Object> other) {

    public MessageContentAttributes {
        other = other == null ? new LinkedHashMap<>() : other;
    }

    @JsonAnySetter
    private void put(String name, Object value) {
        other.put(name, value);
    }
}
