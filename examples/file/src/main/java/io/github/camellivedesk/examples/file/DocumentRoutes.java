package io.github.camellivedesk.examples.file;

import java.io.File;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.error.LiveDeskValidationException;

/**
 * Each file dropped in the inbox becomes one LiveDesk message with the file attached and a caption made from its
 * name. The file moves to {@code .done} only once LiveDesk accepted it, to {@code .failed} when LiveDesk refused it
 * (a message answered {@code failed}, or a file the component refuses before sending), and stays in the inbox, to be
 * sent on a later poll, while LiveDesk cannot be reached.
 */
public final class DocumentRoutes extends RouteBuilder {

    /** Where the file goes once the exchange is done: {@code .done} unless LiveDesk refused it. */
    static final String OUTCOME = "documentOutcome";

    private static final String LOG = "io.github.camellivedesk.examples.file";

    @Override
    public void configure() {
        // the keys of the files LiveDesk accepted, in a file so that a restart does not send them again
        IdempotentRepository sentFiles = FileIdempotentRepository.fileIdempotentRepository(
                new File(getContext().resolvePropertyPlaceholders("{{documents.sent-files}}")), 100_000);

        from("file:{{documents.inbox}}?move=${exchangeProperty." + OUTCOME + "}/${file:name}"
                + "&readLock=changed&readLockCheckInterval={{documents.read-lock-check-interval}}"
                + "&delay={{documents.poll-delay}}&sortBy=file:name")
                .routeId("documents-to-livedesk")
                .setProperty(OUTCOME, constant(".done"))
                .process(exchange -> exchange.getMessage().setHeader(LiveDeskConstants.CONTENT,
                        caption(exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class))))
                .doTry()
                // the key is recorded only after LiveDesk accepted the file (eager=false) and removed again when
                // the send failed, before the doCatch below sees the exception (completionEager=true)
                .idempotentConsumer(simple("${file:name}-${file:size}-${file:modified}"), sentFiles)
                .eager(false).completionEager(true).skipDuplicate(false)
                .choice()
                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE))
                .log(LoggingLevel.INFO, LOG, "${file:name} was already sent; not sending it again")
                .otherwise()
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}")
                .log(LoggingLevel.INFO, LOG, "${file:name} sent as message ${header.CamelLiveDeskMessageId}")
                .end()
                .endDoTry()
                .doCatch(LiveDeskMessageFailedException.class, LiveDeskValidationException.class)
                .setProperty(OUTCOME, constant(".failed"))
                .log(LoggingLevel.WARN, LOG, "${file:name} refused by LiveDesk, moved to .failed: ${exception.message}")
                // LiveDesk down (5xx, refused or dropped connection, timeout): the exchange is rolled back, the file
                // consumer leaves the file where it is and the next poll tries again
                .doCatch(LiveDeskException.class)
                .log(LoggingLevel.WARN, LOG,
                        "${file:name} not sent, stays in the inbox for the next poll: ${exception.message}")
                .rollback("LiveDesk did not take the file")
                .end();
    }

    /** {@code invoice_2026-11.pdf} becomes {@code Invoice 2026 11 (invoice_2026-11.pdf)}. */
    static String caption(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String words = (dot > 0 ? fileName.substring(0, dot) : fileName).replaceAll("[-_.\\s]+", " ").trim();
        if (words.isEmpty()) {
            return fileName;
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1) + " (" + fileName + ")";
    }
}
