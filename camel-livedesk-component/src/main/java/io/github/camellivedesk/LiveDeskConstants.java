package io.github.camellivedesk;

import org.apache.camel.spi.Metadata;

import io.github.camellivedesk.internal.HeaderNames;

/**
 * The message headers the {@code livedesk:} endpoints read and write. The names of those the binding reads are
 * declared once, in the internal {@code HeaderNames}; each is documented here, once.
 */
public final class LiveDeskConstants {

    @Metadata(description = "In: the conversation to send to or whose status to change; overrides the conversationId "
            + "option and the customer headers (which win over the option). Out (conversation): the id of the "
            + "conversation created; (send, template to a customer): the customer's conversation the message went "
            + "to; so that a livedesk: call later in the route goes to it. Events: the conversation of the message or "
            + "conversation event, so that a livedesk:send in the route answers in it.", javaType = "String")
    public static final String CONVERSATION_ID = HeaderNames.CONVERSATION_ID;

    @Metadata(description = "In (retry): the id of the failed message to resend; overrides the messageId option. "
            + "Out (every operation): the id LiveDesk gave the message. Events: the id of the message of a message "
            + "event, so that a livedesk:retry in the route resends it.",
            javaType = "Long")
    public static final String MESSAGE_ID = HeaderNames.MESSAGE_ID;

    @Metadata(label = "producer", description = "send: whether the message is a private note visible to agents only. "
            + "Overrides the privateMessage option.",
            javaType = "Boolean")
    public static final String PRIVATE = HeaderNames.PRIVATE;

    @Metadata(label = "producer", description = "send: the id of the message this one replies to "
            + "(content_attributes.in_reply_to). Overrides the inReplyTo option.",
            javaType = "Long")
    public static final String IN_REPLY_TO = HeaderNames.IN_REPLY_TO;

    @Metadata(label = "producer", description = "The text that goes with attachments (send) or is shown in the chat "
            + "UI for a template (template); for send with a non-text body.",
            javaType = "String")
    public static final String CONTENT = HeaderNames.CONTENT;

    @Metadata(label = "producer", description = "send: files to upload with the message, as a File, Path, GenericFile, "
            + "Attachment or a collection of them; the body is then the text.",
            javaType = "Object")
    public static final String ATTACHMENTS = HeaderNames.ATTACHMENTS;

    @Metadata(label = "producer", description = "template: the template name. Overrides the templateName option.",
            javaType = "String")
    public static final String TEMPLATE_NAME = HeaderNames.TEMPLATE_NAME;

    @Metadata(label = "producer", description = "template: the template language code, e.g. en_US. Overrides the "
            + "templateLanguage option.",
            javaType = "String")
    public static final String TEMPLATE_LANGUAGE = HeaderNames.TEMPLATE_LANGUAGE;

    @Metadata(description = "Out: the message status LiveDesk reported, e.g. sent or failed. Events: the status of "
            + "the message of a message event, e.g. sent, delivered, read or failed.",
            javaType = "String")
    public static final String MESSAGE_STATUS = "CamelLiveDeskMessageStatus";

    @Metadata(description = "Out and events: the channel error of a failed message "
            + "(content_attributes.external_error), e.g. "
            + "131047: Re-engagement message is not allowed.",
            javaType = "String")
    public static final String EXTERNAL_ERROR = "CamelLiveDeskExternalError";

    @Metadata(label = "producer", description = "Out: the HTTP status LiveDesk answered with.", javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = org.apache.camel.Exchange.HTTP_RESPONSE_CODE;

    @Metadata(description = "In (contact, conversation, and send or template to a customer): the API channel (inbox); "
            + "overrides the inboxId option.", javaType = "Long")
    public static final String INBOX_ID = HeaderNames.INBOX_ID;

    @Metadata(description = "In (conversation): the contact to start the conversation with. Out (contact, "
            + "conversation, and send or template to a customer): the id of the contact LiveDesk created, the "
            + "conversation is with, or the message went to. Events: the contact of a contact or conversation "
            + "event.", javaType = "Long")
    public static final String CONTACT_ID = HeaderNames.CONTACT_ID;

    @Metadata(description = "In (conversation): the contact's source_id in the inbox, instead of "
            + "CamelLiveDeskContactId. Out (contact, conversation): the contact's source_id in the inbox.",
            javaType = "String")
    public static final String SOURCE_ID = HeaderNames.SOURCE_ID;

    @Metadata(label = "producer", description = "contact, and send or template to a customer: the customer's name, "
            + "where the body gives none; used when the contact is created.", javaType = "String")
    public static final String CUSTOMER_NAME = HeaderNames.CUSTOMER_NAME;

    @Metadata(label = "producer", description = "contact, and send or template to a customer: the customer's email "
            + "address, where the body gives none. Without a CamelLiveDeskConversationId header, a message with this "
            + "header, the phone number or the identifier goes to the customer's conversation in the inbox, found or "
            + "created once.",
            javaType = "String")
    public static final String CUSTOMER_EMAIL = HeaderNames.CUSTOMER_EMAIL;

    @Metadata(label = "producer", description = "contact, and send or template to a customer: the customer's phone "
            + "number in E.164 form (a plus sign, the country code and the number), where the body gives none. The customer's key when no "
            + "identifier is given.", javaType = "String")
    public static final String CUSTOMER_PHONE_NUMBER = HeaderNames.CUSTOMER_PHONE_NUMBER;

    @Metadata(label = "producer", description = "contact, and send or template to a customer: your own key for the "
            + "customer (a customer number), where the body gives none. The customer's key when given, before the "
            + "phone number and the email.", javaType = "String")
    public static final String CUSTOMER_IDENTIFIER = HeaderNames.CUSTOMER_IDENTIFIER;

    @Metadata(label = "producer", description = "status: the status to set, open, resolved, pending or snoozed; "
            + "overrides the status option. A String body overrides it.", javaType = "String")
    public static final String NEW_STATUS = HeaderNames.NEW_STATUS;

    @Metadata(description = "Out (conversation, status): the conversation's status now. Only an answer or an event "
            + "sets it, so a livedesk:status later in the route is not changed by it. Events: the status of the "
            + "conversation of a conversation event.", javaType = "String")
    public static final String CONVERSATION_STATUS = "CamelLiveDeskConversationStatus";

    @Metadata(label = "producer", description = "status: with snoozed, until when (an Instant, a Date or epoch "
            + "seconds); without it, until the customer's next message.", javaType = "java.time.Instant")
    public static final String SNOOZED_UNTIL = HeaderNames.SNOOZED_UNTIL;

    @Metadata(label = "consumer", description = "Events: the event's name, e.g. message_created, "
            + "message_updated, conversation_status_changed.", javaType = "String")
    public static final String EVENT = "CamelLiveDeskEvent";

    @Metadata(label = "consumer", description = "Events: the delivery's X-Chatwoot-Delivery id, when LiveDesk sent "
            + "one: the same delivery sent again has the same id.", javaType = "String")
    public static final String DELIVERY_ID = "CamelLiveDeskDeliveryId";

    @Metadata(label = "consumer", description = "Events (message events): which kind of message it is, as the "
            + "messageTypes option names it: incoming (the customer wrote it), outgoing (an agent, the API or a "
            + "template), private (a note for agents) or activity.", javaType = "String")
    public static final String MESSAGE_DIRECTION = "CamelLiveDeskMessageDirection";

    private LiveDeskConstants() {
    }
}
