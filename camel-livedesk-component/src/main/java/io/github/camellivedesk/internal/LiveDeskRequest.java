package io.github.camellivedesk.internal;

import java.util.List;
import java.util.Locale;

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

    /**
     * A message that goes to a conversation named by its id, or to a customer: then the dispatcher finds or creates
     * the customer's contact and conversation and sends the message there.
     */
    sealed interface ToConversation extends LiveDeskRequest {

        /** The conversation id; null when the request names a customer instead. */
        Resolved<String> conversationId();

        /** The customer, as the contact to find or create in an inbox; null when a conversation id is given. */
        CreateContact customer();

        /** This request addressed to the customer's conversation, found or created by the dispatcher. */
        ToConversation toConversation(String conversationId);

        /** The customer's conversation is the unit of order until it is known; see {@link CreateContact#orderKey}. */
        @Override
        default String orderKey() {
            return conversationId().value() != null ? conversationId().value() : customer().customerKey();
        }
    }

    /**
     * {@code livedesk:send}: a text message, a private note, or files with an optional text.
     *
     * @param customer see {@link ToConversation#customer()}
     */
    record Send(Resolved<String> conversationId, CreateContact customer, Resolved<String> content,
            Resolved<Boolean> privateMessage, Resolved<Long> inReplyTo, Resolved<List<Attachment>> attachments)
            implements
                ToConversation {

        public Send {
            attachments = new Resolved<>(List.copyOf(attachments.value()), attachments.source());
        }

        @Override
        public Send toConversation(String conversationId) {
            return new Send(new Resolved<>(conversationId, customer.customerSource()), customer, content,
                    privateMessage, inReplyTo, attachments);
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
     * @param customer       see {@link ToConversation#customer()}
     * @param nameSource     where {@code template_params.name} came from
     * @param languageSource where {@code template_params.language} came from
     * @param contentSource  where {@code content} came from
     */
    record Template(Resolved<String> conversationId, CreateContact customer, TemplateMessage message,
            String nameSource, String languageSource, String contentSource) implements ToConversation {

        @Override
        public Template toConversation(String conversationId) {
            return new Template(new Resolved<>(conversationId, customer.customerSource()), customer, message,
                    nameSource, languageSource, contentSource);
        }
    }

    /** {@code livedesk:retry}: resend the failed message with this id. */
    record Retry(Resolved<String> conversationId, Resolved<Long> messageId) implements LiveDeskRequest {

        @Override
        public String orderKey() {
            return conversationId.value();
        }
    }

    /**
     * {@code livedesk:contact}: create a contact in an inbox; also the customer a message is addressed to.
     */
    record CreateContact(Resolved<Long> inboxId, Resolved<String> name, Resolved<String> email,
            Resolved<String> phoneNumber, Resolved<String> avatarUrl, Resolved<String> identifier)
            implements
                LiveDeskRequest {

        @Override
        public String orderKey() {
            return null;
        }

        /**
         * The customer's key in an inbox: the identifier, else the phone number, else the email (in lower case, as
         * the service keeps it), the first one given. Unique in an account, like the field it is. No conversation id
         * has a space, so the key of a customer and a conversation id never meet in the order of conversations.
         */
        public String customerKey() {
            return "inbox " + inboxId.value() + " " + customerFieldName() + " " + customerValue();
        }

        /** The JSON name of the field the customer is known by: the first given of identifier, phone, email. */
        public String customerFieldName() {
            if (given(identifier)) {
                return "identifier";
            }
            return given(phoneNumber) ? "phone_number" : "email";
        }

        /** The value the customer is known by, of the field {@link #customerFieldName()} names; an email in lower case. */
        public String customerValue() {
            return switch (customerFieldName()) {
                case "identifier" -> identifier.value();
                case "phone_number" -> phoneNumber.value();
                default -> email.value().toLowerCase(Locale.ROOT);
            };
        }

        /** Where the conversation id of a message to this customer comes from, for error messages. */
        String customerSource() {
            return "the conversation of the customer with " + customerFieldName() + " " + LogSafe.quote(customerValue())
                    + " in inbox " + inboxId.value();
        }

        private static boolean given(Resolved<String> field) {
            return field.value() != null && !field.value().isBlank();
        }

        /** The JSON body. */
        public NewContact body() {
            return new NewContact(inboxId.value(), name.value(), email.value(), phoneNumber.value(), avatarUrl.value(),
                    identifier.value());
        }
    }

    /** Contacts whose name, email, phone number or identifier contain the query; one page of them (Chatwoot's). */
    record SearchContacts(String query, int page) implements LiveDeskRequest {

        @Override
        public String orderKey() {
            return null;
        }
    }

    /** The conversations of a contact, in every inbox (Chatwoot's). */
    record ContactConversations(long contactId) implements LiveDeskRequest {

        @Override
        public String orderKey() {
            return null;
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
