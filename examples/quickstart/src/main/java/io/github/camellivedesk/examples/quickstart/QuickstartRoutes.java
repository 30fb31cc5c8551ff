package io.github.camellivedesk.examples.quickstart;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;

/** The four things the quickstart shows, each a route into a {@code livedesk:} endpoint. */
final class QuickstartRoutes extends RouteBuilder {

    private static final String LOG = "io.github.camellivedesk.examples.quickstart";

    @Override
    public void configure() {
        // the conversation and credentials are component options (see QuickstartApplication)

        from("direct:text").routeId("text")
                .to("livedesk:send")
                .log(LoggingLevel.INFO, LOG,
                        "text message ${header.CamelLiveDeskMessageId} is ${header.CamelLiveDeskMessageStatus}");

        from("direct:private-reply").routeId("private-reply")
                .to("livedesk:send?privateMessage=true")
                .log(LoggingLevel.INFO, LOG,
                        "private note ${header.CamelLiveDeskMessageId} replies to ${body.contentAttributes.inReplyTo}");

        from("direct:template").routeId("template")
                .to("livedesk:template?templateName=order_update&templateLanguage=en_US&templateCategory=UTILITY")
                .log(LoggingLevel.INFO, LOG,
                        "template message ${header.CamelLiveDeskMessageId} is ${header.CamelLiveDeskMessageStatus}");

        // a failed message (WhatsApp 131047 outside the 24-hour window) is handed to the retry route
        from("direct:send-or-park").routeId("send-or-park")
                .doTry()
                .to("livedesk:send")
                .doCatch(LiveDeskMessageFailedException.class)
                .setHeader(LiveDeskConstants.MESSAGE_ID, simple("${exception.messageId}"))
                .log(LoggingLevel.INFO, LOG,
                        "message ${header.CamelLiveDeskMessageId} failed: ${exception.externalError}; parked for retry")
                .end();

        from("direct:retry").routeId("retry")
                .to("livedesk:retry")
                .log(LoggingLevel.INFO, LOG,
                        "retried message ${header.CamelLiveDeskMessageId} is now ${header.CamelLiveDeskMessageStatus}");
    }
}
