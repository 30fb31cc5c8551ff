package io.github.camellivedesk.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A text message, optionally with files, for {@code POST /conversations/{id}/messages}.
 * <p>
 * Without attachments it is sent as JSON; with attachments as {@code multipart/form-data} with one
 * {@code attachments[]} part per file and {@code content} as a text part.
 *
 * @param content           the text; required unless there are attachments
 * @param privateMessage    {@code private}: an internal note visible to agents only; null leaves the service default
 * @param contentAttributes {@code content_attributes}, e.g. {@code in_reply_to}; null when unused
 * @param attachments       files to upload; empty for a text message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "content", "private", "content_attributes" })
public record SendMessageRequest(
        @JsonProperty("content") String content,
        @JsonProperty("private") Boolean privateMessage,
        @JsonProperty("content_attributes") OutgoingContentAttributes contentAttributes,
        @JsonIgnore List<Attachment> attachments) {

    public SendMessageRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text message. */
    public static SendMessageRequest text(String content) {
        return new SendMessageRequest(content, null, null, List.of());
    }

    /** A builder for every field. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().content(content).privateMessage(privateMessage);
        if (contentAttributes != null) {
            builder.inReplyTo(contentAttributes.inReplyTo());
        }
        attachments.forEach(builder::attachment);
        return builder;
    }

    /** {@code content_attributes.in_reply_to}, or null. */
    @JsonIgnore
    public Long inReplyTo() {
        return contentAttributes == null ? null : contentAttributes.inReplyTo();
    }

    /** Whether this request goes as multipart. */
    @JsonIgnore
    public boolean hasAttachments() {
        return !attachments.isEmpty();
    }

    /** Builds a {@link SendMessageRequest}. */
    public static final class Builder {
        private String content;
        private Boolean privateMessage;
        private Long inReplyTo;
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        /** The message text. */
        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Send as a private note (visible to agents only). */
        public Builder privateMessage(Boolean privateMessage) {
            this.privateMessage = privateMessage;
            return this;
        }

        /** Reply to the message with this id ({@code content_attributes.in_reply_to}). */
        public Builder inReplyTo(Long messageId) {
            this.inReplyTo = messageId;
            return this;
        }

        /** Adds a file. */
        public Builder attachment(Attachment attachment) {
            this.attachments.add(attachment);
            return this;
        }

        /** Adds files. */
        public Builder attachments(List<Attachment> attachments) {
            this.attachments.addAll(attachments);
            return this;
        }

        public SendMessageRequest build() {
            return new SendMessageRequest(content, privateMessage,
                    inReplyTo == null ? null : new OutgoingContentAttributes(inReplyTo), attachments);
        }
    }
}
