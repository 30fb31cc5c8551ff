package io.github.camellivedesk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A WhatsApp template message: {@code {"content", "message_type": "outgoing", "template_params"}}.
 * <p>
 * {@code message_type} is always the string {@code outgoing} in this request (responses use the integer 1).
 *
 * @param content        the text shown in the LiveDesk chat UI
 * @param templateParams the template name, language and parameters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(value = { "message_type" }, allowGetters = true)
@JsonPropertyOrder({ "content", "message_type", "template_params" })
public record TemplateMessage(
        @JsonProperty("content") String content,
        @JsonProperty("template_params") TemplateParams templateParams) {

    /** The {@code message_type} the API requires for template messages. */
    public static final String OUTGOING = "outgoing";

    /** Always {@value #OUTGOING}. */
    @JsonProperty("message_type")
    public String messageType() {
        return OUTGOING;
    }

    /** A builder for a template with this name and language code (e.g. {@code en_US}). */
    public static Builder builder(String name, String language) {
        return new Builder().name(name).language(language);
    }

    /** A builder with no name or language yet; the endpoint options may supply them. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this message's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().content(content);
        if (templateParams != null) {
            builder.name(templateParams.name()).language(templateParams.language())
                    .namespace(templateParams.namespace()).category(templateParams.category())
                    .header(templateParams.headerParams()).footer(templateParams.footerParams());
            if (templateParams.processedParams() != null) {
                builder.bodyVariables(templateParams.processedParams());
            }
            if (templateParams.buttonParams() != null) {
                templateParams.buttonParams().forEach(builder::button);
            }
        }
        return builder;
    }

    /** Builds a {@link TemplateMessage}. */
    public static final class Builder {
        private String content;
        private String name;
        private String namespace;
        private String language;
        private String category;
        private Map<String, String> bodyVariables;
        private TemplateHeader header;
        private TemplateFooter footer;
        private List<TemplateButton> buttons;

        private Builder() {
        }

        /** The text shown in the chat UI ({@code content}). */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** The template name. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The template namespace (WhatsApp Cloud / 360Dialog). */
        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The language code, e.g. {@code en_US}. */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /** The category, e.g. {@code MARKETING}. */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /** A body variable ({@code processed_params}), by position ("1") or name. */
        public Builder bodyVariable(String key, String value) {
            if (bodyVariables == null) {
                bodyVariables = new LinkedHashMap<>();
            }
            bodyVariables.put(key, value);
            return this;
        }

        /** Body variables ({@code processed_params}), by position or name, in order. */
        public Builder bodyVariables(Map<String, String> variables) {
            variables.forEach(this::bodyVariable);
            return this;
        }

        /** The header parameters; see the factories of {@link TemplateHeader}. */
        public Builder header(TemplateHeader header) {
            this.header = header;
            return this;
        }

        /** The footer parameters. */
        public Builder footer(TemplateFooter footer) {
            this.footer = footer;
            return this;
        }

        /** A footer variable by position. */
        public Builder footerVariable(String key, String value) {
            Map<String, String> variables = new LinkedHashMap<>();
            if (footer != null && footer.textVariables() != null) {
                variables.putAll(footer.textVariables());
            }
            variables.put(key, value);
            this.footer = new TemplateFooter(variables);
            return this;
        }

        /** Adds a button parameter; see the factories of {@link TemplateButton}. */
        public Builder button(TemplateButton button) {
            if (buttons == null) {
                buttons = new ArrayList<>();
            }
            buttons.add(button);
            return this;
        }

        /** Adds a url button: {@code text} is the URL suffix. */
        public Builder urlButton(int index, String text) {
            return button(TemplateButton.url(index, text));
        }

        /** Adds a quick-reply button with its payload. */
        public Builder quickReplyButton(int index, String payload) {
            return button(TemplateButton.quickReply(index, payload));
        }

        public TemplateMessage build() {
            return new TemplateMessage(content, new TemplateParams(name, namespace, language, category,
                    bodyVariables, header, footer, buttons));
        }
    }
}
