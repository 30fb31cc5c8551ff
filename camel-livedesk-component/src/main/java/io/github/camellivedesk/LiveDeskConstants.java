package io.github.camellivedesk;

import org.apache.camel.spi.Metadata;

import io.github.camellivedesk.internal.HeaderNames;

/**
 * The message headers the {@code livedesk:} endpoints read and write. The names of those the binding reads are
 * declared once, in the internal {@code HeaderNames}; each is documented here, once.
 */
public final class LiveDeskConstants {

    @Metadata(label = "producer", description = "The conversation to send to. Overrides the conversationId option.",
            javaType = "String")
    public static final String CONVERSATION_ID = HeaderNames.CONVERSATION_ID;

    @Metadata(description = "In (retry): the id of the failed message to resend; overrides the messageId option. "
            + "Out (every operation): the id LiveDesk gave the message.",
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

    @Metadata(label = "producer", description = "Out: the message status LiveDesk reported, e.g. sent or failed.",
            javaType = "String")
    public static final String MESSAGE_STATUS = "CamelLiveDeskMessageStatus";

    @Metadata(label = "producer", description = "Out: the channel error of a failed message "
            + "(content_attributes.external_error), e.g. "
            + "131047: Re-engagement message is not allowed.",
            javaType = "String")
    public static final String EXTERNAL_ERROR = "CamelLiveDeskExternalError";

    @Metadata(label = "producer", description = "Out: the HTTP status LiveDesk answered with.", javaType = "Integer")
    public static final String HTTP_RESPONSE_CODE = org.apache.camel.Exchange.HTTP_RESPONSE_CODE;

    private LiveDeskConstants() {
    }
}
