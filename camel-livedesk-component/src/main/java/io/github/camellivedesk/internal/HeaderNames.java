package io.github.camellivedesk.internal;

/**
 * The names of the headers the binding reads. Users see them, documented, as {@code LiveDeskConstants}, whose
 * fields are these constants: the names live here so that the binding needs nothing from the Camel layer.
 */
public final class HeaderNames {

    public static final String CONVERSATION_ID = "CamelLiveDeskConversationId";
    public static final String MESSAGE_ID = "CamelLiveDeskMessageId";
    public static final String PRIVATE = "CamelLiveDeskPrivate";
    public static final String IN_REPLY_TO = "CamelLiveDeskInReplyTo";
    public static final String CONTENT = "CamelLiveDeskContent";
    public static final String ATTACHMENTS = "CamelLiveDeskAttachments";
    public static final String TEMPLATE_NAME = "CamelLiveDeskTemplateName";
    public static final String TEMPLATE_LANGUAGE = "CamelLiveDeskTemplateLanguage";
    public static final String INBOX_ID = "CamelLiveDeskInboxId";
    public static final String CONTACT_ID = "CamelLiveDeskContactId";
    public static final String SOURCE_ID = "CamelLiveDeskSourceId";
    public static final String CUSTOMER_NAME = "CamelLiveDeskCustomerName";
    public static final String CUSTOMER_EMAIL = "CamelLiveDeskCustomerEmail";
    public static final String CUSTOMER_PHONE_NUMBER = "CamelLiveDeskCustomerPhoneNumber";
    public static final String CUSTOMER_IDENTIFIER = "CamelLiveDeskCustomerIdentifier";
    public static final String NEW_STATUS = "CamelLiveDeskNewStatus";
    public static final String SNOOZED_UNTIL = "CamelLiveDeskSnoozedUntil";

    private HeaderNames() {
    }
}
