package io.github.camellivedesk.examples.email;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailConstants;

import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * Each unread mail of the mailbox becomes a LiveDesk message: subject and text as the content, the mail's attachments
 * as {@code attachments[]}. The mail is marked seen only once LiveDesk accepted the message: camel-mail fetches it
 * with {@code peek=true}, so reading it does not set the seen flag, and sets the flag when the exchange completes. A
 * failed exchange leaves the mail unseen ({@code unseen=true} then finds it again on the next poll). A mail LiveDesk
 * refused is marked seen and moved to {@code mail.failed-folder}, so it is not sent again and again.
 */
public final class EmailRoutes extends RouteBuilder {

    private static final String LOG = "io.github.camellivedesk.examples.email";

    @Override
    public void configure() {
        // the route logs failures itself (below), in one line
        errorHandler(defaultErrorHandler().logExhausted(false));

        onException(LiveDeskMessageFailedException.class, LiveDeskValidationException.class)
                .handled(true)
                .setHeader(MailConstants.MAIL_MOVE_TO, simple("{{mail.failed-folder}}"))
                .log(LoggingLevel.WARN, LOG,
                        "mail '${header.Subject}' refused by LiveDesk, moved to {{mail.failed-folder}}: "
                                + "${exception.message}");

        onException(LiveDeskException.class)
                .log(LoggingLevel.WARN, LOG,
                        "mail '${header.Subject}' not sent, left unseen for the next poll: ${exception.message}");

        from("{{mail.protocol}}://{{mail.host}}:{{mail.port}}?username={{mail.username}}&password=RAW({{mail.password}})"
                + "&folderName={{mail.folder}}&unseen=true&peek=true&delete=false&delay={{mail.poll-delay}}"
                + "&maxMessagesPerPoll={{mail.max-messages-per-poll}}")
                .routeId("mail-to-livedesk")
                .process(new MailToLiveDesk())
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}")
                .log(LoggingLevel.INFO, LOG,
                        "mail '${header.Subject}' sent as message ${header.CamelLiveDeskMessageId}");
    }
}
