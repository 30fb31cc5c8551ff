package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code location} of a location header.
 *
 * @param latitude  -90 to 90
 * @param longitude -180 to 180
 * @param name      place name
 * @param address   address
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "latitude", "longitude", "name", "address" })
public record TemplateLocation(
        @JsonProperty("latitude") Double latitude,
        @JsonProperty("longitude") Double longitude,
        @JsonProperty("name") String name,
        @JsonProperty("address") String address) {
}
