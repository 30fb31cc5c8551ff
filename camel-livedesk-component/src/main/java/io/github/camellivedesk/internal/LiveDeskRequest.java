package io.github.camellivedesk.internal;

import java.util.List;

import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.TemplateMessage;

/**
 * One request to LiveDesk, as the binding read it from an exchange: every value with its source. The rules check it
 * once; the dispatcher owns it from then on, and the client sends it as it is.
 */
public sealed interface LiveDeskRequest {

    /** The conversation the request goes to (a path segment). */
    Resolved<String> conversationId();

    /** Whether it can be sent again after a 429: not when a file is an {@code InputStream}, read as it is sent. */
    default boolean isRepeatable() {
        return true;
    }

    /** Lets go of what the request holds: the streams among its files. Done once the request will not be sent again. */
    default void release() {
    }

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

        @Override
        public boolean isRepeatable() {
            return attachments.value().stream().allMatch(attachment -> AttachmentSource.of(attachment).repeatable());
        }

        /** Closes the streams among the attachments; see {@link AttachmentSource#closeStreams}. */
        @Override
        public void release() {
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
