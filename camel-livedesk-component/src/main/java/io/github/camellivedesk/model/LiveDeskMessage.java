package io.github.camellivedesk.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A message as LiveDesk answers it, for every operation. Unknown fields are ignored, so new fields on the service
 * side never break a route.
 * <p>
 * {@code message_type} is an integer here (1 outgoing, 0 incoming), although the template request sends it as the
 * string {@code outgoing}. Every id is a {@code long}: LiveDesk ids can exceed 32 bits.
 *
 * @param id                   message id
 * @param content              text
 * @param inboxId              inbox id
 * @param conversationId       conversation id
 * @param messageType          0 incoming, 1 outgoing, 2 activity, 3 template
 * @param contentType          e.g. {@code text}
 * @param status               {@code sent}, {@code delivered}, {@code read} or {@code failed}
 * @param contentAttributes    {@code content_attributes}, with {@code external_error} when failed
 * @param createdAt            creation time in epoch seconds
 * @param privateMessage       whether it is a private note
 * @param sourceId             id of the message in the channel (e.g. a WhatsApp id), often null
 * @param sortingId            position within the conversation
 * @param sender               who sent it
 * @param attachments          uploaded files; empty when none
 * @param additionalAttributes {@code additional_attributes}, with the template that was sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LiveDeskMessage(
        @JsonProperty("id") long id,
        @JsonProperty("content") String content,
        @JsonProperty("inbox_id") Long inboxId,
        @JsonProperty("conversation_id") Long conversationId,
        @JsonProperty("message_type") Integer messageType,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("status") String status,
        @JsonProperty("content_attributes") MessageContentAttributes contentAttributes,
        @JsonProperty("created_at") Long createdAt,
        @JsonProperty("private") Boolean privateMessage,
        @JsonProperty("source_id") String sourceId,
        @JsonProperty("sorting_id") Long sortingId,
        @JsonProperty("sender") MessageSender sender,
        @JsonProperty("attachments") List<MessageAttachment> attachments,
        @JsonProperty("additional_attributes") MessageAdditionalAttributes additionalAttributes) {

    /** The {@code status} of a message WhatsApp (or another channel) refused. */
    public static final String STATUS_FAILED = "failed";

    public LiveDeskMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether LiveDesk reports the message as failed. */
    @JsonIgnore
    public boolean isFailed() {
        return STATUS_FAILED.equalsIgnoreCase(status);
    }

    /** The parsed {@code content_attributes.external_error}, when the service gave one. */
    @JsonIgnore
    public Optional<ExternalError> externalError() {
        return Optional.ofNullable(contentAttributes)
                .map(MessageContentAttributes::externalError)
                .filter(error -> !error.isBlank())
                .map(ExternalError::parse);
    }

    /** {@code created_at} as an instant. */
    @JsonIgnore
    public Optional<Instant> createdAtInstant() {
        return Optional.ofNullable(createdAt).map(Instant::ofEpochSecond);
    }
}
