package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A contact's presence in one inbox: its {@code source_id} there addresses it in that inbox.
 *
 * @param sourceId {@code source_id}
 * @param inbox    the inbox, with at least its id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactInbox(
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("inbox") Inbox inbox) {

    /**
     * An inbox as answers name it.
     *
     * @param id   inbox id
     * @param name inbox name, when given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Inbox(@JsonProperty("id") Long id, @JsonProperty("name") String name) {
    }
}
