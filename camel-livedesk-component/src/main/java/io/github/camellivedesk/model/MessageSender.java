package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code sender} of a message.
 *
 * @param id                 sender id
 * @param name               name
 * @param availableName      display name
 * @param avatarUrl          avatar URL
 * @param type               e.g. {@code user}
 * @param availabilityStatus e.g. {@code offline}
 * @param thumbnail          thumbnail URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MessageSender(
        @JsonProperty("id") Long id,
        @JsonProperty("name") String name,
        @JsonProperty("available_name") String availableName,
        @JsonProperty("avatar_url") String avatarUrl,
        @JsonProperty("type") String type,
        @JsonProperty("availability_status") String availabilityStatus,
        @JsonProperty("thumbnail") String thumbnail) {
}
