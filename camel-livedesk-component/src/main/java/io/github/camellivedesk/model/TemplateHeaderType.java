package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code header_params.type} values the API supports, each with the fields it needs. */
public enum TemplateHeaderType {
    /** Needs {@code text_variables} when the header has variables. */
    TEXT,
    /** Needs {@code media_url}. */
    IMAGE,
    /** Needs {@code media_url}. */
    VIDEO,
    /** Needs {@code media_url}; {@code filename} is shown to the customer. */
    DOCUMENT,
    /** Needs {@code location} with latitude and longitude. */
    LOCATION;

    /** The wire value: the lower-case name. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether this type carries a {@code media_url}. */
    public boolean isMedia() {
        return this == IMAGE || this == VIDEO || this == DOCUMENT;
    }
}
