package io.github.camellivedesk.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.apache.camel.Exchange;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.client.LiveDeskJson;
import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;
import io.github.camellivedesk.model.SendMessageRequest;

/**
 * {@code livedesk:send}: a {@code String} body is the text, a {@link SendMessageRequest} is sent as is, a
 * {@code Map} gives the JSON fields, files (see {@link AttachmentBodies}) become a multipart message with
 * {@code CamelLiveDeskContent} as the text. The {@code private} flag and {@code in_reply_to} come from the body,
 * else the header, else the option.
 */
public final class SendMessageMapper implements RequestMapper {

    private final LiveDeskConfiguration configuration;

    public SendMessageMapper(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public LiveDeskCall map(Exchange exchange) {
        String conversationId = ConversationIds.resolve(exchange, configuration);
        SendMessageRequest request = request(exchange);
        return client -> client.sendMessage(conversationId, request);
    }

    private SendMessageRequest request(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof SendMessageRequest request) {
            return request;
        }
        List<Attachment> headerAttachments = AttachmentBodies.fromHeader(exchange);
        SendMessageRequest.Builder builder;
        if (body instanceof String text) {
            builder = SendMessageRequest.builder().content(text);
        } else if (body instanceof Map<?, ?> map) {
            builder = fromMap(map).toBuilder();
        } else if (body == null) {
            builder = SendMessageRequest.builder().content(content(exchange));
        } else if (AttachmentBodies.isAttachment(body) || body instanceof java.util.Collection<?>) {
            builder = SendMessageRequest.builder().content(content(exchange))
                    .attachments(AttachmentBodies.fromBody(exchange, body));
        } else {
            SendMessageRequest converted = exchange.getContext().getTypeConverter()
                    .tryConvertTo(SendMessageRequest.class, exchange, body);
            if (converted == null) {
                throw new LiveDeskValidationException("body", "a " + body.getClass().getName() + " cannot be sent",
                        "livedesk:send takes a String (the text), a Map of the JSON fields, a SendMessageRequest, or "
                                                                                                 + "files (File, Path, GenericFile, byte[], InputStream, Attachment or a collection of them); "
                                                                                                 + "convert the body first, e.g. .convertBodyTo(String.class)");
            }
            return converted;
        }
        SendMessageRequest partial = builder.attachments(headerAttachments).build();
        if (partial.privateMessage() == null) {
            builder.privateMessage(HeaderOrOption.resolve(exchange, LiveDeskConstants.PRIVATE, Boolean.class,
                    configuration.isPrivateMessage(), "privateMessage"));
        }
        if (partial.inReplyTo() == null) {
            Long inReplyTo = HeaderOrOption.resolve(exchange, LiveDeskConstants.IN_REPLY_TO, Long.class,
                    configuration.getInReplyTo(), "inReplyTo");
            if (inReplyTo != null && inReplyTo < 1) {
                throw new LiveDeskValidationException(inReplyToSource(exchange), "'" + inReplyTo + "' is not a message id",
                        "Use the positive id of the message to reply to");
            }
            builder.inReplyTo(inReplyTo);
        }
        return builder.build();
    }

    private static String inReplyToSource(Exchange exchange) {
        return exchange.getMessage().getHeader(LiveDeskConstants.IN_REPLY_TO) != null
                ? "header " + LiveDeskConstants.IN_REPLY_TO : "option inReplyTo";
    }

    private static String content(Exchange exchange) {
        return HeaderOrOption.resolve(exchange, LiveDeskConstants.CONTENT, String.class, null, null);
    }

    private static SendMessageRequest fromMap(Map<?, ?> map) {
        try {
            return LiveDeskJson.strictMapper().convertValue(map, SendMessageRequest.class);
        } catch (IllegalArgumentException e) {
            String problem = e.getCause() instanceof UnrecognizedPropertyException unknown
                    ? "has the unknown key '" + unknown.getPropertyName() + "'"
                    : "does not match the message fields (" + HeaderOrOption.describe(e.getMessage()) + ")";
            throw new LiveDeskValidationException("body Map", problem,
                    "Use the keys content (String), private (Boolean) and content_attributes ({in_reply_to: Long})", e);
        }
    }
}
