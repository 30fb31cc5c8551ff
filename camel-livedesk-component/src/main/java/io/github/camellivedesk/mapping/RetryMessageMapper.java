package io.github.camellivedesk.mapping;

import org.apache.camel.Exchange;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskValidationException;

/** {@code livedesk:retry}: the message id from the {@code CamelLiveDeskMessageId} header, else the option. */
public final class RetryMessageMapper implements RequestMapper {

    private final LiveDeskConfiguration configuration;

    public RetryMessageMapper(LiveDeskConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public LiveDeskCall map(Exchange exchange) {
        String conversationId = ConversationIds.resolve(exchange, configuration);
        long messageId = messageId(exchange);
        return client -> client.retryMessage(conversationId, messageId);
    }

    private long messageId(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID);
        String source = header != null ? "header " + LiveDeskConstants.MESSAGE_ID : "option messageId";
        Object value = header != null ? header : configuration.getMessageId();
        if (value == null) {
            throw new LiveDeskValidationException("option messageId", "is not set and there is no "
                                                                     + LiveDeskConstants.MESSAGE_ID + " header",
                    "Set the header to the id of the failed message (LiveDeskMessageFailedException.getMessageId()) "
                                                                                                        + "or use livedesk:retry?messageId=...");
        }
        String text = value.toString().trim();
        long id;
        try {
            id = value instanceof Number number && !(value instanceof Double || value instanceof Float)
                    ? number.longValue() : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LiveDeskValidationException(source, "'" + HeaderOrOption.describe(value) + "' is not a message id",
                    "Use the numeric id LiveDesk returned for the message", e);
        }
        if (id < 1) {
            throw new LiveDeskValidationException(source, "'" + id + "' is not a positive message id",
                    "Use the numeric id LiveDesk returned for the message");
        }
        return id;
    }
}
