package io.github.camellivedesk.mapping;

import org.apache.camel.Exchange;

import io.github.camellivedesk.LiveDeskConfiguration;
import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskValidationException;

/** The conversation id every operation needs: header {@code CamelLiveDeskConversationId}, else the option. */
final class ConversationIds {

    private ConversationIds() {
    }

    static String resolve(Exchange exchange, LiveDeskConfiguration configuration) {
        Object header = exchange.getMessage().getHeader(LiveDeskConstants.CONVERSATION_ID);
        String source = header != null ? "header " + LiveDeskConstants.CONVERSATION_ID : "option conversationId";
        String value = header != null ? header.toString() : configuration.getConversationId();
        if (value == null) {
            throw new LiveDeskValidationException("option conversationId", "is not set and there is no "
                                                                          + LiveDeskConstants.CONVERSATION_ID + " header",
                    "Set it on the endpoint (livedesk:send?conversationId=141), on the component, or per message "
                                                                                                     + "with the header");
        }
        if (value.isBlank()) {
            throw new LiveDeskValidationException(source, "is blank", "Use the conversation id shown in LiveDesk, e.g. 141");
        }
        if (value.startsWith("-") || value.equals("0")) {
            throw new LiveDeskValidationException(source, "'" + value + "' is not a positive number",
                    "Use the conversation id shown in LiveDesk, e.g. 141");
        }
        return value;
    }
}
