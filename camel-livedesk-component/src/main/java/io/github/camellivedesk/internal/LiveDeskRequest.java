package io.github.camellivedesk.internal;

import java.util.List;

import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.NewContact;
import io.github.camellivedesk.model.NewConversation;
import io.github.camellivedesk.model.TemplateMessage;

/**
 * One request to LiveDesk, as the binding read it from an exchange: every value with its source. The rules check it
 * once; the dispatcher owns it from then on, and the client sends it as it is.
 */
public sealed interface LiveDeskRequest {

    /**
     * The conversation whose order the request keeps and whose rate limit it counts against; null for a request that
     * belongs to no conversation yet (a contact, a new conversation), which only the client-wide limit paces.
     */
    String orderKey();

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

        @Override
        public String orderKey() {
            return conversationId.value();
        }

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

        @Override
        public String orderKey() {
            return conversationId.value();
        }
    }

    /** {@code livedesk:retry}: resend the failed message with this id. */
    record Retry(Resolved<String> conversationId, Resolved<Long> messageId) implements LiveDeskRequest {

        @Override
        public String orderKey() {
            return conversationId.value();
        }
    }

    /** {@code livedesk:contact}: create a contact in an inbox. */
    record CreateContact(Resolved<Long> inboxId, Resolved<String> name, Resolved<String> email,
            Resolved<String> phoneNumber, Resolved<String> avatarUrl, Resolved<String> identifier)
            implements
                LiveDeskRequest {

        @Override
        public String orderKey() {
            return null;
        }

        /** The JSON body. */
        public NewContact body() {
            return new NewContact(inboxId.value(), name.value(), email.value(), phoneNumber.value(), avatarUrl.value(),
                    identifier.value());
        }
    }

    /** {@code livedesk:conversation}: create a conversation with a contact in an inbox. */
    record CreateConversation(Resolved<Long> inboxId, Resolved<Long> contactId, Resolved<String> sourceId)
            implements
                LiveDeskRequest {

        @Override
        public String orderKey() {
            return null;
        }

        /** The JSON body. */
        public NewConversation body() {
            return new NewConversation(inboxId.value(), contactId.value(), sourceId.value());
        }
    }

    /**
     * {@code livedesk:status}: change a conversation's status.
     *
     * @param snoozedUntil epoch seconds, only with {@code snoozed}
     */
    record ToggleStatus(Resolved<String> conversationId, Resolved<String> status, Resolved<Long> snoozedUntil)
            implements
                LiveDeskRequest {

        @Override
        public String orderKey() {
            return conversationId.value();
        }
    }
}
