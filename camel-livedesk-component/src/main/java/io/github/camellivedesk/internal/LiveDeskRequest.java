package io.github.camellivedesk.internal;

import java.util.List;

import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.TemplateMessage;

/**
 * One request to LiveDesk, as the binding read it from an exchange: every value with its source. The validator
 * checks it once; the client sends it as it is.
 */
public sealed interface LiveDeskRequest {

    /** The conversation the request goes to (a path segment). */
    Resolved<String> conversationId();

    /** {@code livedesk:send}: a text message, a private note, or files with an optional text. */
    record Send(Resolved<String> conversationId, Resolved<String> content, Resolved<Boolean> privateMessage,
                Resolved<Long> inReplyTo, Resolved<List<Attachment>> attachments) implements LiveDeskRequest {

        public Send {
            attachments = new Resolved<>(List.copyOf(attachments.value()), attachments.source());
        }

        /** Whether it goes as multipart. */
        public boolean hasAttachments() {
            return !attachments.value().isEmpty();
        }

        /** Closes the streams among the attachments; see {@link AttachmentSource#closeStreams}. */
        public void closeStreams() {
            AttachmentSource.closeStreams(attachments.value());
        }
    }

    /**
     * {@code livedesk:template}: a WhatsApp template message, completed from headers and options.
     *
     * @param nameSource     where {@code template_params.name} came from
     * @param languageSource where {@code template_params.language} came from
     * @param contentSource  where {@code content} came from
     */
    record Template(Resolved<String> conversationId, TemplateMessage message, String nameSource, String languageSource,
                    String contentSource) implements LiveDeskRequest {
    }

    /** {@code livedesk:retry}: resend the failed message with this id. */
    record Retry(Resolved<String> conversationId, Resolved<Long> messageId) implements LiveDeskRequest {
    }
}
