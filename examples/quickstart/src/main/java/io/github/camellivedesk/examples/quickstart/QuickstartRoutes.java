package io.github.camellivedesk.examples.quickstart;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;

/** The five things the quickstart shows, each a route into a {@code livedesk:} endpoint. */
final class QuickstartRoutes extends RouteBuilder {

    private static final String LOG = "io.github.camellivedesk.examples.quickstart";

    @Override
    public void configure() {
        // the credentials are component options (see QuickstartApplication); the conversation is an endpoint option,
        // so that the customer route below, which has none, goes to the customer's conversation instead

        from("direct:text").routeId("text")
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}")
                .log(LoggingLevel.INFO, LOG,
                        "text message ${header.CamelLiveDeskMessageId} is ${header.CamelLiveDeskMessageStatus}");

        from("direct:private-reply").routeId("private-reply")
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}&privateMessage=true")
                .log(LoggingLevel.INFO, LOG,
                        "private note ${header.CamelLiveDeskMessageId} replies to ${body.contentAttributes.inReplyTo}");

        from("direct:template").routeId("template")
                .to("livedesk:template?conversationId={{livedesk.conversation-id}}&templateName=order_update"
                        + "&templateLanguage=en_US&templateCategory=UTILITY")
                .log(LoggingLevel.INFO, LOG,
                        "template message ${header.CamelLiveDeskMessageId} is ${header.CamelLiveDeskMessageStatus}");

        // a failed message (WhatsApp 131047 outside the 24-hour window) is handed to the retry route
        from("direct:send-or-park").routeId("send-or-park")
                .doTry()
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}")
                .doCatch(LiveDeskMessageFailedException.class)
                .setHeader(LiveDeskConstants.MESSAGE_ID, simple("${exception.messageId}"))
                .log(LoggingLevel.INFO, LOG,
                        "message ${header.CamelLiveDeskMessageId} failed: ${exception.externalError}; parked for retry")
                .end();

        from("direct:retry").routeId("retry")
                .to("livedesk:retry?conversationId={{livedesk.conversation-id}}")
                .log(LoggingLevel.INFO, LOG,
                        "retried message ${header.CamelLiveDeskMessageId} is now ${header.CamelLiveDeskMessageStatus}");

        // an order update to a customer known only by a phone number (header CamelLiveDeskCustomerPhoneNumber): no
        // conversation id, so the component finds or creates the customer's contact and conversation in the inbox
        // (LIVEDESK_INBOX_ID, else the simulator's 79) and answers with their ids
        from(CustomerUpdate.ROUTE).routeId("customer-template")
                .to("livedesk:template?inboxId={{livedesk.inbox-id:79}}&templateName=order_update"
                        + "&templateLanguage=en_US&templateCategory=UTILITY")
                .log(LoggingLevel.INFO, LOG, "template message ${header.CamelLiveDeskMessageId} to customer "
                        + "${header.CamelLiveDeskCustomerPhoneNumber} is ${header.CamelLiveDeskMessageStatus}, "
                        + "conversation ${header.CamelLiveDeskConversationId}, contact ${header.CamelLiveDeskContactId}");
    }
}
