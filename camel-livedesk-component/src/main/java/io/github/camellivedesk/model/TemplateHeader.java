package io.github.camellivedesk.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code header_params}: the header of a template, one of five types. Use the factories; each sets the fields its
 * type needs.
 *
 * @param type          the header type; a String on the wire so that an unknown value read from JSON reaches
 *                      validation with a clear message instead of failing in the parser
 * @param textVariables text header variables by position
 * @param mediaUrl      image, video or document URL
 * @param filename      document file name
 * @param location      location header
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "type", "text_variables", "media_url", "filename", "location" })
public record TemplateHeader(
        @JsonProperty("type") String type,
        @JsonProperty("text_variables") Map<String, String> textVariables,
        @JsonProperty("media_url") String mediaUrl,
        @JsonProperty("filename") String filename,
        @JsonProperty("location") TemplateLocation location) {

    public TemplateHeader {
        textVariables = textVariables == null ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(textVariables));
    }

    /** A text header with variables by position. */
    public static TemplateHeader text(Map<String, String> variables) {
        return new TemplateHeader(TemplateHeaderType.TEXT.wireValue(), variables, null, null, null);
    }

    /** A text header with one variable, {@code "1"}. */
    public static TemplateHeader text(String firstVariable) {
        return text(Map.of("1", firstVariable));
    }

    /** An image header. */
    public static TemplateHeader image(String mediaUrl) {
        return new TemplateHeader(TemplateHeaderType.IMAGE.wireValue(), null, mediaUrl, null, null);
    }

    /** A video header. */
    public static TemplateHeader video(String mediaUrl) {
        return new TemplateHeader(TemplateHeaderType.VIDEO.wireValue(), null, mediaUrl, null, null);
    }

    /** A document header; {@code filename} may be null. */
    public static TemplateHeader document(String mediaUrl, String filename) {
        return new TemplateHeader(TemplateHeaderType.DOCUMENT.wireValue(), null, mediaUrl, filename, null);
    }

    /** A location header. */
    public static TemplateHeader location(double latitude, double longitude, String name, String address) {
        return new TemplateHeader(TemplateHeaderType.LOCATION.wireValue(), null, null, null,
                new TemplateLocation(latitude, longitude, name, address));
    }
}
