package io.github.camellivedesk.examples.database;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sql.SqlConstants;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.error.LiveDeskException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;

/**
 * The outbox: every row of {@code outbox} with {@code status = 'new'} becomes one LiveDesk message to the row's
 * customer (its phone number, through the inbox of {@code outbox.inbox-id}), and the row records what LiveDesk
 * answered, with the customer's conversation. A row is claimed with a conditional UPDATE before it is sent, so
 * several instances can poll the same table and each row is sent by one of them; no database transaction is held
 * while LiveDesk answers. The SQL lives in {@code src/main/resources/sql} and runs unchanged on H2 and PostgreSQL.
 * <p>
 * The SQL consumer hands the rows of a poll to the route one at a time and waits for each, so an instance has one
 * request to LiveDesk in flight and sends a customer's rows in the order of their ids (a row sent again comes
 * later). The UPDATE after LiveDesk's answer runs on the thread that received the answer, which holds up nothing
 * else at one request in flight.
 */
public final class OutboxRoutes extends RouteBuilder {

    /**
     * Send a conversation id here when its customer writes (LiveDesk's webhook names it): the rows sent to that
     * conversation and refused outside the 24-hour window are retried.
     */
    public static final String CUSTOMER_REPLIED = "direct:customer-replied";

    private static final String LOG = "io.github.camellivedesk.examples.database";
    private static final String SQL = "sql:classpath:sql/";
    private static final String DATA_SOURCE = "?dataSource=#outbox";
    private static final int MAX_ERROR_LENGTH = 1000;

    @Override
    public void configure() {
        from(SQL + "select-new.sql" + DATA_SOURCE
                + "&initialDelay=0&delay={{outbox.poll-delay}}&maxMessagesPerPoll={{outbox.batch-size}}")
                .routeId("outbox-send")
                .setHeader("outboxId", simple("${body[id]}"))
                .setHeader("outboxInstance", simple("{{outbox.instance-id}}"))
                // the customer, not a conversation: the component finds or creates the customer's contact and
                // conversation in the inbox, and its answer's CamelLiveDeskConversationId is written to the row
                .setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, simple("${body[phone_number]}"))
                .setHeader(LiveDeskConstants.CUSTOMER_NAME, simple("${body[customer_name]}"))
                .setBody(simple("${body[content]}"))
                .to(SQL + "claim.sql" + DATA_SOURCE + "&noop=true")
                .filter(header(SqlConstants.SQL_UPDATE_COUNT).isEqualTo(1))
                .doTry()
                .to("livedesk:send?inboxId={{outbox.inbox-id}}")
                .to(SQL + "mark-sent.sql" + DATA_SOURCE)
                .log(LoggingLevel.INFO, LOG, "outbox row ${header.outboxId} is LiveDesk message "
                        + "${header.CamelLiveDeskMessageId} (${header.CamelLiveDeskMessageStatus}) in conversation "
                        + "${header.CamelLiveDeskConversationId} of ${header.CamelLiveDeskCustomerPhoneNumber}")
                .doCatch(LiveDeskMessageFailedException.class)
                .to(SQL + "mark-failed.sql" + DATA_SOURCE)
                .log(LoggingLevel.INFO, LOG, "outbox row ${header.outboxId} is LiveDesk message "
                        + "${exception.messageId}, failed: ${exception.externalError}")
                .doCatch(LiveDeskException.class)
                .process(lastError())
                .choice()
                .when(surelyNotReceived())
                .to(SQL + "release.sql" + DATA_SOURCE)
                .log(LoggingLevel.WARN, LOG, "outbox row ${header.outboxId} not received by LiveDesk, "
                        + "sent again on the next poll: ${exception.message}")
                .when(mayHaveBeenReceived())
                .to(SQL + "mark-in-doubt.sql" + DATA_SOURCE)
                .log(LoggingLevel.WARN, LOG, "outbox row ${header.outboxId} may have reached LiveDesk, "
                        + "not resent: ${exception.message}")
                .otherwise()
                .to(SQL + "mark-rejected.sql" + DATA_SOURCE)
                .log(LoggingLevel.WARN, LOG, "outbox row ${header.outboxId} rejected: ${exception.message}")
                .end()
                .end()
                .end();

        // In production the LiveDesk webhook (an incoming message_created event) feeds this route.
        from(CUSTOMER_REPLIED).routeId("outbox-retry")
                .setHeader(LiveDeskConstants.CONVERSATION_ID, body().convertToString())
                .setHeader("outboxInstance", simple("{{outbox.instance-id}}"))
                .to(SQL + "select-window-failures.sql" + DATA_SOURCE)
                .split(body())
                .setHeader("outboxId", simple("${body[id]}"))
                .setHeader(LiveDeskConstants.MESSAGE_ID, simple("${body[livedesk_message_id]}"))
                .to(SQL + "claim-failed.sql" + DATA_SOURCE + "&noop=true")
                .filter(header(SqlConstants.SQL_UPDATE_COUNT).isEqualTo(1))
                .doTry()
                .to("livedesk:retry")
                .to(SQL + "mark-sent.sql" + DATA_SOURCE)
                .log(LoggingLevel.INFO, LOG, "outbox row ${header.outboxId}: LiveDesk message "
                        + "${header.CamelLiveDeskMessageId} retried, now "
                        + "${header.CamelLiveDeskMessageStatus}")
                .doCatch(LiveDeskException.class)
                .process(lastError())
                .to(SQL + "retry-failed-again.sql" + DATA_SOURCE)
                .log(LoggingLevel.WARN, LOG, "outbox row ${header.outboxId}: retry did not get "
                        + "through: ${exception.message}")
                .end()
                .end()
                .end();
    }

    private static Predicate surelyNotReceived() {
        return exchange -> {
            LiveDeskException failure = caught(exchange);
            return failure.isRetryable() && !failure.isRequestMayHaveReachedLiveDesk();
        };
    }

    private static Predicate mayHaveBeenReceived() {
        return exchange -> caught(exchange).isRequestMayHaveReachedLiveDesk();
    }

    private static LiveDeskException caught(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, LiveDeskException.class);
    }

    /** The error text for {@code last_error}, cut to the column's size. */
    private static Processor lastError() {
        return exchange -> {
            String message = String.valueOf(caught(exchange).getMessage());
            exchange.getMessage().setHeader("outboxError",
                    message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message);
        };
    }
}
