package io.github.camellivedesk;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;
import io.github.camellivedesk.error.LiveDeskResponseException;
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.simulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMappingTest extends LiveDeskTestSupport {

    private static final String SEND = "livedesk:send?conversationId=141";

    @Test
    void wrongSecretIsAnAuthenticationErrorThatNamesTheOptionsButNotTheSecret() throws Exception {
        Exchange exchange = send(SEND + "&apiSecret=RAW(wrong-secret-value)", "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskAuthenticationException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(401);
            assertThat(e.getMessage()).contains("apiKey and apiSecret").doesNotContain("wrong-secret-value");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
        });
    }

    @Test
    void unknownConversationIsNotFound() throws Exception {
        Exchange exchange = send("livedesk:send?conversationId=999", "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(404);
            assertThat(e.getErrorMessage()).isEqualTo("Resource could not be found");
            assertThat(e.getMessage()).contains("HTTP 404").contains("check the conversation id")
                    .contains("conversation '999' does not exist");
        });
    }

    @Test
    void validationErrorShapeKeepsTheAttributes() throws Exception {
        simulator().faults().inject(Fault.status(422)
                .withBody("{\"message\":\"Content is too long\",\"attributes\":[\"content\"]}")).forNext(1);

        Exchange exchange = send(SEND, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(422);
            assertThat(e.getErrorMessage()).isEqualTo("Content is too long (attributes: [\"content\"])");
        });
    }

    @Test
    void engageLabErrorShapesAreRead() throws Exception {
        simulator().faults().inject(Fault.status(400).withBody("{\"code\":40001,\"message\":\"invalid param\"}"))
                .forNext(1);
        simulator().faults()
                .inject(Fault.status(403).withBody("{\"error\":{\"code\":40301,\"message\":\"no access\"}}"))
                .forNext(1);

        Exchange first = send(SEND, "one");
        Exchange second = send(SEND, "two");

        assertThat(((LiveDeskHttpException) first.getException()).getErrorMessage()).isEqualTo("[40001] invalid param");
        assertThat(second.getException()).isInstanceOf(LiveDeskAuthenticationException.class);
        assertThat(((LiveDeskHttpException) second.getException()).getErrorMessage()).isEqualTo("[40301] no access");
    }

    @Test
    void serverErrorIsRetryableAndMayHaveReachedLiveDesk() throws Exception {
        simulator().faults().inject(Fault.status(503)).forNext(1);

        Exchange exchange = send(SEND, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(503);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue();
        });
    }

    @Test
    void rateLimitIsWaitedOutWithRetryAfterSeconds() throws Exception {
        simulator().faults().inject(Fault.rateLimit(Duration.ofSeconds(1))).forNext(1);
        long start = System.nanoTime();

        Exchange exchange = send(SEND, "patience");

        assertThat(exchange.getException()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(simulator().requests()).hasSize(2);
        assertThat(simulator().conversation(141L).messages()).hasSize(1);
    }

    @Test
    void rateLimitIsWaitedOutWithRetryAfterAsADate() throws Exception {
        simulator().faults().inject(Fault.rateLimitUntil(ZonedDateTime.now().plusSeconds(1))).forNext(1);

        Exchange exchange = send(SEND, "patience");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().requests()).hasSize(2);
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOff() throws Exception {
        simulator().faults().inject(Fault.rateLimitPlain()).forNext(1);

        Exchange exchange = send(SEND, "patience");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().requests()).hasSize(2);
    }

    @Test
    void rateLimitPastTheBoundReachesTheRoute() throws Exception {
        simulator().faults().inject(Fault.rateLimit(Duration.ZERO)).always();

        Exchange exchange = send(SEND + "&rateLimitMaxRetries=2", "never");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskRateLimitException.class, e -> {
            assertThat(e.getAttempts()).isEqualTo(3);
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.getMessage()).contains("after 3 attempts");
        });
        assertThat(simulator().requests()).hasSize(3);
    }

    @Test
    void retryAfterLongerThanTheMaximumWaitFailsAtOnce() throws Exception {
        simulator().faults().inject(Fault.rateLimit(Duration.ofSeconds(3600))).forNext(1);

        Exchange exchange = send(SEND + "&rateLimitMaxWait=5s", "later");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskRateLimitException.class, e -> {
            assertThat(e.getAttempts()).isEqualTo(1);
            assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(3600));
        });
        assertThat(simulator().requests()).hasSize(1);
    }

    @Test
    void connectionRefusedSurelyDidNotReachLiveDesk() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Exchange exchange = send(SEND + "&baseUrl=http://127.0.0.1:" + closedPort, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskTransportException.class, e -> {
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
            assertThat(e.getMessage()).contains("Cannot connect").contains("not sent");
        });
    }

    @Test
    void slowAnswerTimesOutAndMayHaveReachedLiveDesk() throws Exception {
        // an answer far later than the timeout, so a busy machine cannot turn the timeout into an answer
        simulator().faults().inject(Fault.latency(Duration.ofMinutes(2))).forNext(1);

        Exchange exchange = send(SEND + "&requestTimeout=300ms", "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskTimeoutException.class, e -> {
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue();
            assertThat(e.getMessage()).contains("requestTimeout");
        });
    }

    @Test
    void malformedJsonOnSuccessIsAResponseError() throws Exception {
        simulator().faults().inject(Fault.malformedJson()).forNext(1);

        Exchange exchange = send(SEND, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(200);
            assertThat(e.isRequestMayHaveReachedLiveDesk()).isTrue();
            assertThat(e.getMessage()).contains("not a message");
        });
    }

    @Test
    void htmlErrorPageIsSummarised() throws Exception {
        simulator().faults().inject(Fault.htmlErrorPage(502)).forNext(1);

        Exchange exchange = send(SEND, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(502);
            assertThat(e.getErrorMessage()).startsWith("(HTML error page)").doesNotContain("<");
        });
    }

    @Test
    void hugeErrorBodyKeepsABoundedExcerpt() throws Exception {
        simulator().faults().inject(Fault.hugeErrorBody(500, 5_000_000)).forNext(1);

        Exchange exchange = send(SEND, "hi");

        assertThat(exchange.getException()).isInstanceOfSatisfying(LiveDeskHttpException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(500);
            assertThat(e.getResponseBodyExcerpt().length()).isLessThanOrEqualTo(2100);
            assertThat(e.getMessage().length()).isLessThan(1000);
        });
    }
}
