package io.github.camellivedesk.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as the simulator stored it.
 *
 * @param id                message id, counting up from 1 across the simulator
 * @param conversationId    its conversation
 * @param content           text
 * @param privateMessage    the {@code private} flag
 * @param inReplyTo         {@code content_attributes.in_reply_to}, or null
 * @param messageType       {@code outgoing} (sent through the API) or {@code incoming} (a simulated customer)
 * @param status            {@code sent} or {@code failed}, or {@code delivered} / {@code read} when a test marked it so
 * @param externalError     the WhatsApp error of a failed message, or null
 * @param templateParams    {@code template_params} as received, or null for free-form messages
 * @param attachments       uploaded files
 * @param createdAt         when it was stored (second precision, like {@code created_at})
 * @param sortingId         position within the conversation
 * @param contentAttributes {@code content_attributes} as answered
 * @param retryCount        how many times {@code retry} was called on it
 */
public record StoredMessage(long id, long conversationId, String content, boolean privateMessage, Long inReplyTo,
        String messageType, String status, String externalError, Map<String, Object> templateParams,
        List<StoredAttachment> attachments, Instant createdAt, long sortingId,
        Map<String, Object> contentAttributes, int retryCount) {

    /** Whether WhatsApp (as simulated) refused it. */
    public boolean isFailed() {
        return "failed".equals(status);
    }

    /** Whether it is a template message. */
    public boolean isTemplate() {
        return templateParams != null;
    }

    StoredMessage withStatus(String newStatus, String newExternalError, int newRetryCount) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(contentAttributes);
        attributes.remove("external_error");
        if (newExternalError != null) {
            attributes.put("external_error", newExternalError);
        }
        return new StoredMessage(id, conversationId, content, privateMessage, inReplyTo, messageType, newStatus,
                newExternalError, templateParams, attachments, createdAt, sortingId,
                java.util.Collections.unmodifiableMap(attributes), newRetryCount);
    }
}
