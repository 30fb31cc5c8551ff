package io.github.camellivedesk.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;
import io.github.camellivedesk.error.LiveDeskTimeoutException;
import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.model.ExternalError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the client reads from an answer it did not want: Retry-After, error bodies, external_error codes, I/O failures. */
class ErrorParsingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static LiveDeskHttpResponse response(int status, String contentType, String retryAfter, String body) {
        return new LiveDeskHttpResponse(status, "Reason", contentType, retryAfter,
                body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    // ---- Retry-After

    static Stream<Arguments> retryAfter() {
        return Stream.of(
                Arguments.of("absent", null, null),
                Arguments.of("blank", "  ", null),
                Arguments.of("seconds", "120", Duration.ofSeconds(120)),
                Arguments.of("seconds with spaces", " 7 ", Duration.ofSeconds(7)),
                Arguments.of("zero", "0", Duration.ZERO),
                Arguments.of("negative", "-1", null),
                Arguments.of("date in the future", "Thu, 26 Nov 2026 10:01:30 GMT", Duration.ofSeconds(90)),
                Arguments.of("date in the past", "Thu, 26 Nov 2026 09:00:00 GMT", Duration.ZERO),
                Arguments.of("date now", "Thu, 26 Nov 2026 10:00:00 GMT", Duration.ZERO),
                Arguments.of("garbage", "soon", null),
                Arguments.of("fraction", "1.5", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("retryAfter")
    void readsRetryAfter(String name, String header, Duration expected) {
        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(expected);
    }

    // ---- error bodies

    static Stream<Arguments> errorBodies() {
        return Stream.of(
                Arguments.of("error string", "application/json", "{\"error\":\"Resource could not be found\"}",
                        "Resource could not be found"),
                Arguments.of("error object with code", "application/json",
                        "{\"error\":{\"code\":40001,\"message\":\"bad\"}}",
                        "[40001] bad"),
                Arguments.of("error object without code", "application/json", "{\"error\":{\"message\":\"bad\"}}",
                        "bad"),
                Arguments.of("error object with null code", "application/json",
                        "{\"error\":{\"code\":null,\"message\":\"m\"}}",
                        "m"),
                Arguments.of("error object without message", "application/json", "{\"error\":{\"code\":7}}", "[7] "),
                Arguments.of("error object with null message", "application/json",
                        "{\"error\":{\"code\":7,\"message\":null}}", "[7] "),
                Arguments.of("message with attributes", "application/json",
                        "{\"message\":\"Content is too long\",\"attributes\":[\"content\"]}",
                        "Content is too long (attributes: [\"content\"])"),
                Arguments.of("message with empty attributes", "application/json",
                        "{\"message\":\"m\",\"attributes\":[]}", "m"),
                Arguments.of("message with attributes not a list", "application/json",
                        "{\"message\":\"m\",\"attributes\":\"a\"}",
                        "m"),
                Arguments.of("code and message", "application/json", "{\"code\":1002,\"message\":\"invalid\"}",
                        "[1002] invalid"),
                Arguments.of("message not text", "application/json", "{\"message\":{\"a\":1}}",
                        "{\"message\":{\"a\":1}}"),
                Arguments.of("errors list", "application/json", "{\"errors\":[\"a\",\"b\"]}", "[\"a\",\"b\"]"),
                Arguments.of("errors text", "application/json", "{\"errors\":\"all wrong\"}", "all wrong"),
                Arguments.of("errors null", "application/json", "{\"errors\":null}", "{\"errors\":null}"),
                Arguments.of("unknown object", "application/json", "{\"status\":\"bad\"}", "{\"status\":\"bad\"}"),
                Arguments.of("JSON array", "application/json", "[1,2]", "[1,2]"),
                Arguments.of("plain text", "text/plain", "Retry later", "Retry later"),
                Arguments.of("no content type", null, "Retry later", "Retry later"),
                Arguments.of("long text cut", "text/plain", "x".repeat(201), "x".repeat(200) + "..."),
                Arguments.of("text of 200 kept", "text/plain", "y".repeat(200), "y".repeat(200)),
                Arguments.of("HTML page", "text/html; charset=UTF-8",
                        "<html><head><style>p{}</style><script>x()</script></head><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>",
                        "(HTML error page) 502 Bad Gateway nginx"),
                Arguments.of("long HTML cut", "text/html", "<p>" + "z".repeat(300) + "</p>",
                        "(HTML error page) " + "z".repeat(200) + "..."),
                Arguments.of("HTML of 200 kept", "text/html", "<p>" + "w".repeat(200) + "</p>",
                        "(HTML error page) " + "w".repeat(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorBodies")
    void readsTheErrorTextOfEveryBodyShape(String name, String contentType, String body, String expected) {
        assertThat(ErrorResponses.errorMessage(response(400, contentType, null, body))).isEqualTo(expected);
    }

    @Test
    void emptyBodyHasNoErrorText() {
        assertThat(ErrorResponses.errorMessage(response(500, "text/plain", null, ""))).isNull();
        LiveDeskHttpException e = ErrorResponses.toException(response(500, null, null, ""), 1, CLOCK,
                "conversation '1'");
        assertThat(e.getMessage()).isEqualTo("LiveDesk answered HTTP 500 (server error)");
    }

    @Test
    void statusesBecomeTypedExceptions() {
        LiveDeskHttpException limited = ErrorResponses.toException(response(429, "text/plain", "30", "Retry later"), 4,
                CLOCK,
                "conversation '141'");
        assertThat(limited).isInstanceOfSatisfying(LiveDeskRateLimitException.class, e -> {
            assertThat(e.getAttempts()).isEqualTo(4);
            assertThat(e.getRetryAfter()).contains(Duration.ofSeconds(30));
            assertThat(e.getErrorMessage()).isEqualTo("Retry later");
            assertThat(e.getMessage())
                    .isEqualTo("LiveDesk answered HTTP 429 (rate limited): Retry later (after 4 attempts)");
        });
        assertThat(ErrorResponses.toException(response(401, null, null, "{\"error\":\"x\"}"), 1, CLOCK, null))
                .isInstanceOf(LiveDeskAuthenticationException.class)
                .hasMessageContaining("check the apiKey and apiSecret");
        assertThat(ErrorResponses.toException(response(403, null, null, ""), 1, CLOCK, null))
                .isInstanceOf(LiveDeskAuthenticationException.class);
        LiveDeskHttpException unavailable = ErrorResponses.toException(response(503, null, "5", "down"), 1, CLOCK,
                null);
        assertThat(unavailable).isExactlyInstanceOf(LiveDeskHttpException.class);
        assertThat(unavailable.getRetryAfter()).contains(Duration.ofSeconds(5));
        assertThat(unavailable.getResponseBodyExcerpt()).isEqualTo("down");
        assertThat(unavailable.isRetryable()).isTrue();
        assertThat(unavailable.isRequestMayHaveReachedLiveDesk()).isTrue();
        LiveDeskHttpException rejected = ErrorResponses.toException(response(422, null, null, "{\"error\":\"no\"}"), 1,
                CLOCK, null);
        assertThat(rejected.isRetryable()).isFalse();
        assertThat(rejected.isRequestMayHaveReachedLiveDesk()).isFalse();
        assertThat(rejected.getMessage()).isEqualTo("LiveDesk answered HTTP 422 (request rejected): no");
    }

    @Test
    void notFoundNamesTheConversationAndTheMessage() {
        assertThat(
                ErrorResponses.toException(response(404, null, null, "{\"error\":\"Resource could not be found\"}"), 1,
                        CLOCK, "conversation '999'").getMessage())
                .isEqualTo(
                        "LiveDesk answered HTTP 404 (not found: check the conversation id; conversation '999' does not "
                                + "exist or this API key cannot see it): Resource could not be found");
        assertThat(
                ErrorResponses.toException(response(404, null, null, ""), 1, CLOCK, "conversation '141' or message 7")
                        .getMessage())
                .isEqualTo("LiveDesk answered HTTP 404 (not found: check the conversation id and message id; "
                        + "conversation '141' or message 7 does not exist or this API key cannot see it)");
    }

    // ---- external_error

    static Stream<Arguments> externalErrors() {
        return Stream.of(
                Arguments.of("colon form", "131047: Re-engagement message is not allowed", 131047,
                        "Re-engagement message is not allowed", false),
                Arguments.of("hash form", "(#132000) Number of parameters does not match", 132000,
                        "Number of parameters does not match", false),
                Arguments.of("rate limit code", "130429: Rate limit hit", 130429, "Rate limit hit", true),
                Arguments.of("transient code", "(#131000) Something went wrong", 131000, "Something went wrong", true),
                Arguments.of("spaces around", "  131056 :  Pair rate limit  ", 131056, "Pair rate limit", true),
                Arguments.of("three digits", "470: Old code", 470, "Old code", false),
                Arguments.of("seven digits", "1234567: Long code", 1234567, "Long code", false),
                Arguments.of("two digits are no code", "47: short", null, "47: short", false),
                Arguments.of("eight digits are no code", "12345678: long", null, "12345678: long", false),
                Arguments.of("text only", "  Message undeliverable ", null, "Message undeliverable", false),
                Arguments.of("multi-line text", "131048: Spam\nrate limit", 131048, "Spam\nrate limit", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("externalErrors")
    void parsesExternalErrorCodes(String name, String raw, Integer code, String text, boolean retryable) {
        ExternalError error = ExternalError.parse(raw);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.text()).isEqualTo(text);
        assertThat(error.raw()).isEqualTo(raw);
        assertThat(error.retryable()).isEqualTo(retryable);
        assertThat(error.isOutsideCustomerServiceWindow()).isEqualTo(code != null && code == 131047);
        assertThat(error.toString()).isEqualTo(code == null ? text : code + ": " + text);
    }

    // ---- file names in Content-Disposition

    static Stream<Arguments> fileNames() {
        return Stream.of(
                Arguments.of("plain", "report.pdf", "filename=\"report.pdf\""),
                Arguments.of("printable ASCII edges", " ~a", "filename=\" ~a\""),
                Arguments.of("path separators", "../etc\\passwd", "filename=\".._etc_passwd\""),
                Arguments.of("quote", "a\"b.txt", "filename=\"a_b.txt\"; filename*=UTF-8''a%22b.txt"),
                Arguments.of("percent", "100%.txt", "filename=\"100_.txt\"; filename*=UTF-8''100%25.txt"),
                Arguments.of("line break", "a\r\nb", "filename=\"a__b\"; filename*=UTF-8''a%0D%0Ab"),
                Arguments.of("unit separator", "a\u001fb", "filename=\"a_b\"; filename*=UTF-8''a%1Fb"),
                Arguments.of("DEL", "a\u007fb", "filename=\"a_b\"; filename*=UTF-8''a%7Fb"),
                Arguments.of("non-ASCII", "r\u00e9sum\u00e9.pdf",
                        "filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf"),
                Arguments.of("attr-chars kept", "a!#$&+-.^_`|~Z9\u00e9",
                        "filename=\"a!#$&+-.^_`|~Z9_\"; filename*=UTF-8''a!#$&+-.^_`|~Z9%C3%A9"),
                Arguments.of("space encoded", "a b\u00e9", "filename=\"a b_\"; filename*=UTF-8''a%20b%C3%A9"),
                Arguments.of("brackets encoded", "(x)\u00e9", "filename=\"(x)_\"; filename*=UTF-8''%28x%29%C3%A9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileNames")
    void encodesFileNames(String name, String fileName, String expected) {
        assertThat(FileNames.dispositionParameters(fileName)).isEqualTo(expected);
    }

    // ---- 429 policy

    @Test
    void rateLimitPolicyWaitsWhatRetryAfterAsksUpToTheMaximum() {
        RateLimitPolicy policy = new RateLimitPolicy(2, Duration.ofSeconds(10), Duration.ofSeconds(1));
        assertThat(policy.waitBeforeRetry(1, Duration.ofSeconds(3))).contains(Duration.ofSeconds(3));
        assertThat(policy.waitBeforeRetry(2, Duration.ofSeconds(10))).contains(Duration.ofSeconds(10));
        assertThat(policy.waitBeforeRetry(3, Duration.ofSeconds(1))).as("retries used up").isEmpty();
        assertThat(policy.waitBeforeRetry(1, Duration.ofSeconds(11))).as("asks for more than maxWait").isEmpty();
        assertThat(
                new RateLimitPolicy(0, Duration.ofSeconds(10), Duration.ofSeconds(1)).waitBeforeRetry(1, Duration.ZERO))
                .isEmpty();
    }

    @Test
    void rateLimitPolicyBacksOffWithEqualJitterWithoutRetryAfter() {
        RateLimitPolicy policy = new RateLimitPolicy(30, Duration.ofSeconds(5), Duration.ofMillis(1000));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.waitBeforeRetry(1, null).orElseThrow()).isBetween(Duration.ofMillis(500),
                    Duration.ofMillis(1000));
            assertThat(policy.waitBeforeRetry(2, null).orElseThrow()).isBetween(Duration.ofMillis(1000),
                    Duration.ofMillis(2000));
            assertThat(policy.waitBeforeRetry(3, null).orElseThrow()).isBetween(Duration.ofMillis(2000),
                    Duration.ofMillis(4000));
            assertThat(policy.waitBeforeRetry(4, null).orElseThrow()).isBetween(Duration.ofMillis(4000),
                    Duration.ofMillis(5000));
            // the backoff beyond maxWait is cut to maxWait, not given up
            assertThat(policy.waitBeforeRetry(5, null)).contains(Duration.ofSeconds(5));
            assertThat(policy.waitBeforeRetry(30, null)).contains(Duration.ofSeconds(5));
        }
        RateLimitPolicy immediate = new RateLimitPolicy(1, Duration.ofSeconds(5), Duration.ZERO);
        assertThat(immediate.waitBeforeRetry(1, null).orElseThrow()).isBetween(Duration.ZERO, Duration.ofMillis(1));
    }

    @Test
    void rateLimitPolicyRefusesNegativeSettings() {
        assertThatThrownBy(() -> new RateLimitPolicy(-1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetries must be 0 or more, was -1");
        assertThatThrownBy(() -> new RateLimitPolicy(0, Duration.ofSeconds(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitPolicy(0, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitPolicy(0, Duration.ZERO, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitPolicy(0, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- I/O failures: was the request sent?

    static Stream<Arguments> transportFailures() {
        return Stream.of(
                Arguments.of("connect timeout", new ConnectTimeoutException("slow"), true,
                        LiveDeskTimeoutException.class, false,
                        "No connection to livedesk.test within connectTimeout (ConnectTimeoutException: slow); the request was not sent"),
                Arguments.of("refused", new HttpHostConnectException("refused"), true, LiveDeskTransportException.class,
                        false,
                        "Cannot connect to livedesk.test (HttpHostConnectException: refused); the request was not sent"),
                Arguments.of("connect exception", new ConnectException(), false, LiveDeskTransportException.class,
                        false,
                        "Cannot connect to livedesk.test (ConnectException); the request was not sent"),
                Arguments.of("unknown host", new UnknownHostException("livedesk.test"), false,
                        LiveDeskTransportException.class,
                        false, "Cannot connect"),
                Arguments.of("no route", new NoRouteToHostException("x"), false, LiveDeskTransportException.class,
                        false,
                        "Cannot connect"),
                Arguments.of("read timeout after sending", new SocketTimeoutException("read"), true,
                        LiveDeskTimeoutException.class, true, "No answer from livedesk.test within requestTimeout "
                                + "(SocketTimeoutException: read); the request was sent, so LiveDesk may have stored the message"),
                Arguments.of("read timeout before sending", new SocketTimeoutException("read"), false,
                        LiveDeskTimeoutException.class, false, "; the request was not sent"),
                Arguments.of("handshake", new SSLHandshakeException("bad cert"), true, LiveDeskTransportException.class,
                        false,
                        "TLS handshake with livedesk.test failed (SSLHandshakeException: bad cert); the request was not sent"),
                Arguments.of("handshake as cause", new java.io.IOException("wrapped", new SSLHandshakeException("x")),
                        true,
                        LiveDeskTransportException.class, false, "TLS handshake"),
                Arguments.of("TLS before sending", new SSLException("closed"), false, LiveDeskTransportException.class,
                        false,
                        "TLS handshake"),
                Arguments.of("TLS after sending", new SSLException("closed"), true, LiveDeskTransportException.class,
                        true,
                        "Request to livedesk.test failed (SSLException: closed); the request was sent"),
                Arguments.of("closed after sending", new ConnectionClosedException("gone"), true,
                        LiveDeskTransportException.class,
                        true,
                        "LiveDesk closed the connection before answering (ConnectionClosedException: gone); the request was sent"),
                Arguments.of("closed before sending", new ConnectionClosedException("gone"), false,
                        LiveDeskTransportException.class, false,
                        "before answering (ConnectionClosedException: gone); the request was not sent"),
                Arguments.of("cancelled", new CancellationException("stop"), true, LiveDeskTransportException.class,
                        true,
                        "The request to livedesk.test was cancelled; the request was sent"),
                Arguments.of("other", new IllegalStateException("reactor down"), false,
                        LiveDeskTransportException.class, false,
                        "Request to livedesk.test failed (IllegalStateException: reactor down); the request was not sent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transportFailures")
    void classifiesTransportFailures(String name, Exception failure, boolean sent, Class<?> type,
            boolean mayHaveReached,
            String message) {
        LiveDeskTransportException e = TransportFailures.classify(failure, "livedesk.test", sent);
        assertThat(e).isExactlyInstanceOf(type).hasCause(failure);
        assertThat(e.getMessage()).contains(message);
        assertThat(e.isRequestMayHaveReachedLiveDesk()).isEqualTo(mayHaveReached);
        assertThat(e.isRetryable()).isTrue();
    }
}
