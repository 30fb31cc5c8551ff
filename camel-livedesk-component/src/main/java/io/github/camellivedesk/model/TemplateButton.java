package io.github.camellivedesk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code button_params}.
 *
 * @param index   the button's position in the template, from 0
 * @param subType {@code url} or {@code quick_reply}
 * @param text    url buttons: the URL suffix
 * @param payload quick-reply buttons: the payload returned when tapped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "index", "sub_type", "text", "payload" })
public record TemplateButton(
        @JsonProperty("index") Integer index,
        @JsonProperty("sub_type") String subType,
        @JsonProperty("text") String text,
        @JsonProperty("payload") String payload) {

    /** The {@code sub_type} of a url button. */
    public static final String URL = "url";
    /** The {@code sub_type} of a quick-reply button. */
    public static final String QUICK_REPLY = "quick_reply";

    /** A url button whose URL ends with {@code text}. */
    public static TemplateButton url(int index, String text) {
        return new TemplateButton(index, URL, text, null);
    }

    /** A quick-reply button. */
    public static TemplateButton quickReply(int index, String payload) {
        return new TemplateButton(index, QUICK_REPLY, null, payload);
    }
}
