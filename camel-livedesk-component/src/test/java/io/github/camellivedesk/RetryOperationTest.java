package io.github.camellivedesk;

import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskMessageFailedException;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

class RetryOperationTest extends LiveDeskTestSupport {

    @Test
    void messageOutsideTheWindowFailsWithTheParsedWhatsAppError() throws Exception {
        simulator().conversation(141L).closeWindow();

        Exchange exchange = send("livedesk:send?conversationId=141", "too late");

        assertThat(exchange.getException()).isInstanceOf(LiveDeskMessageFailedException.class);
        LiveDeskMessageFailedException failure = (LiveDeskMessageFailedException) exchange.getException();
        assertThat(failure.getExternalError().code()).isEqualTo(131047);
        assertThat(failure.getExternalError().text()).isEqualTo("Re-engagement message is not allowed");
        assertThat(failure.getExternalError().isOutsideCustomerServiceWindow()).isTrue();
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isRequestMayHaveReachedLiveDesk()).isTrue();
        assertThat(failure.getMessageId()).isEqualTo(simulator().conversation(141L).messages().get(0).id());
        assertThat(failure.getMessage()).contains("131047").contains("conversation 141");
        // the answer is on the exchange too, for error handlers that want it
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS)).isEqualTo("failed");
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.EXTERNAL_ERROR))
                .isEqualTo("131047: Re-engagement message is not allowed");
    }

    @Test
    void failedMessageComesBackAsBodyWhenExceptionsAreOff() throws Exception {
        simulator().conversation(141L).closeWindow();

        Exchange exchange = send("livedesk:send?conversationId=141&throwExceptionOnFailure=false", "too late");

        assertThat(exchange.getException()).isNull();
        LiveDeskMessage message = exchange.getMessage().getBody(LiveDeskMessage.class);
        assertThat(message.isFailed()).isTrue();
        assertThat(message.externalError()).hasValueSatisfying(error -> assertThat(error.code()).isEqualTo(131047));
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS)).isEqualTo("failed");
    }

    @Test
    void retryAfterTheCustomerRepliedSendsTheMessage() throws Exception {
        long failedId = sendFailedMessage("please read");
        simulator().conversation(141L).customerReply("hi again");

        Exchange retried = send("livedesk:retry?conversationId=141", null,
                Map.of(LiveDeskConstants.MESSAGE_ID, failedId));

        assertThat(retried.getException()).isNull();
        LiveDeskMessage message = retried.getMessage().getBody(LiveDeskMessage.class);
        assertThat(message.id()).isEqualTo(failedId);
        assertThat(message.status()).isEqualTo("sent");
        assertThat(simulator().message(failedId).orElseThrow().status()).isEqualTo("sent");
        assertThat(simulator().requests().get(simulator().requests().size() - 1).path())
                .isEqualTo("/api/v2/accounts/conversations/141/messages/" + failedId + "/retry");
    }

    @Test
    void retryTakesTheMessageIdFromTheOption() throws Exception {
        long failedId = sendFailedMessage("x");
        simulator().conversation(141L).customerReply("hello");

        Exchange retried = send("livedesk:retry?conversationId=141&messageId=" + failedId, "body is ignored");

        assertThat(retried.getException()).isNull();
        assertThat(retried.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS)).isEqualTo("sent");
    }

    @Test
    void retryWhileTheWindowIsStillClosedFailsAgain() throws Exception {
        long failedId = sendFailedMessage("x");

        Exchange retried = send("livedesk:retry?conversationId=141&messageId=" + failedId, null);

        assertThat(retried.getException()).isInstanceOf(LiveDeskMessageFailedException.class);
    }

    @Test
    void retryOfAnUnknownMessageIsNotFound() throws Exception {
        Exchange exchange = send("livedesk:retry?conversationId=141&messageId=999999", null);

        assertThat(exchange.getException()).isInstanceOf(LiveDeskHttpException.class);
        LiveDeskHttpException failure = (LiveDeskHttpException) exchange.getException();
        assertThat(failure.getStatusCode()).isEqualTo(404);
        assertThat(failure.getHttpResponseCode()).isEqualTo(404);
        assertThat(failure.getErrorMessage()).isEqualTo("Resource could not be found");
        assertThat(failure.getMessage()).contains("conversation '141' or message 999999 does not exist");
        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isRequestMayHaveReachedLiveDesk()).isFalse();
    }

    @Test
    void retryOfAMessageThatDidNotFailIsRejected() throws Exception {
        Exchange sent = send("livedesk:send?conversationId=141", "fine");
        long id = sent.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class);

        Exchange exchange = send("livedesk:retry?conversationId=141&messageId=" + id, null);

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, failure -> {
            assertThat(failure.getStatusCode()).isEqualTo(422);
            assertThat(failure.getErrorMessage()).contains("not in failed state");
        });
    }

    @Test
    void httpErrorComesBackAsBodyWhenExceptionsAreOff() throws Exception {
        Exchange exchange = send("livedesk:retry?conversationId=141&messageId=999999&throwExceptionOnFailure=false",
                null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
        assertThat(exchange.getMessage().getBody(String.class)).contains("Resource could not be found");
    }
}
