package io.github.camellivedesk;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.error.LiveDeskValidationException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule of {@link LiveDeskOptionRules}, one row each, and the smallest options it still accepts. */
class LiveDeskOptionRulesTest {

    private static LiveDeskConfiguration options(Consumer<LiveDeskConfiguration> change) {
        LiveDeskConfiguration options = new LiveDeskConfiguration();
        options.setApiKey("key");
        options.setApiSecret("secret");
        change.accept(options);
        return options;
    }

    static Stream<Arguments> refusedOptions() {
        return Stream.of(
                Arguments.of("api key missing", options(o -> o.setApiKey(null)),
                        List.of("option apiKey: is missing or blank", "API Key page")),
                Arguments.of("api key blank", options(o -> o.setApiKey(" ")), List.of("option apiKey")),
                Arguments.of("api secret missing", options(o -> o.setApiSecret(null)), List.of("option apiSecret")),
                Arguments.of("api secret blank", options(o -> o.setApiSecret("")), List.of("option apiSecret")),
                Arguments.of("base url missing", options(o -> o.setBaseUrl(null)),
                        List.of("option baseUrl: 'null' is not an http(s) URL with a host")),
                Arguments.of("base url not a URI", options(o -> o.setBaseUrl("http://exa mple.com")),
                        List.of("option baseUrl: 'http://exa mple.com'")),
                Arguments.of("base url ftp", options(o -> o.setBaseUrl("ftp://example.com")),
                        List.of("option baseUrl")),
                Arguments.of("base url relative", options(o -> o.setBaseUrl("/api")), List.of("option baseUrl")),
                Arguments.of("base url without host", options(o -> o.setBaseUrl("http:///api")),
                        List.of("option baseUrl")),
                Arguments.of("base url with a query", options(o -> o.setBaseUrl("https://example.com?a=1")),
                        List.of("option baseUrl")),
                Arguments.of("base url with a fragment", options(o -> o.setBaseUrl("https://example.com#a")),
                        List.of("option baseUrl")),
                Arguments.of("request timeout zero", options(o -> o.setRequestTimeout(0)),
                        List.of("option requestTimeout: '0' is less than 1", "60s")),
                Arguments.of("content limit zero", options(o -> o.setMaxContentLength(0)),
                        List.of("option maxContentLength")),
                Arguments.of("attachments limit zero", options(o -> o.setMaxAttachments(0)),
                        List.of("option maxAttachments")),
                Arguments.of("size limit zero", options(o -> o.setMaxAttachmentSize(0)),
                        List.of("option maxAttachmentSize")),
                Arguments.of("negative retries", options(o -> o.setRateLimitMaxRetries(-1)),
                        List.of("option rateLimitMaxRetries: '-1' is less than 0")),
                Arguments.of("negative wait", options(o -> o.setRateLimitMaxWait(-1)),
                        List.of("option rateLimitMaxWait")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedOptions")
    void refusesOptions(String name, LiveDeskConfiguration options, List<String> fragments) {
        assertThatThrownBy(() -> LiveDeskOptionRules.endpoint(options))
                .isInstanceOf(LiveDeskValidationException.class).message().contains(fragments)
                .doesNotContain("secret'");
    }

    @Test
    void acceptsTheSmallestOptions() {
        assertThatCode(() -> LiveDeskOptionRules.endpoint(options(o -> {
            o.setBaseUrl("http://127.0.0.1:8080/");
            o.setRequestTimeout(1);
            o.setMaxContentLength(1);
            o.setMaxAttachments(1);
            o.setMaxAttachmentSize(1);
            o.setRateLimitMaxRetries(0);
            o.setRateLimitMaxWait(0);
        }))).doesNotThrowAnyException();
        assertThatCode(() -> LiveDeskOptionRules.transport(1, 1)).doesNotThrowAnyException();
    }

    @Test
    void componentOptions() {
        assertThatThrownBy(() -> LiveDeskOptionRules.transport(0, 10_000))
                .hasMessageContaining("component option maxConnections: '0' is less than 1");
        assertThatThrownBy(() -> LiveDeskOptionRules.transport(64, 0))
                .hasMessageContaining("component option connectTimeout: '0' is less than 1");
    }

    @Test
    void messageIdOptionIsDigits() {
        assertThatThrownBy(() -> LiveDeskOptionRules.messageIdText("5s"))
                .hasMessage("endpoint option messageId: '5s' is not a number. Use the numeric id LiveDesk returned for "
                        + "the failed message, e.g. livedesk:retry?messageId=3031");
        assertThatThrownBy(() -> LiveDeskOptionRules.messageIdText("")).hasMessageContaining("'' is not a number");
        assertThatCode(() -> LiveDeskOptionRules.messageIdText(" 3031 ")).doesNotThrowAnyException();
        assertThatCode(() -> LiveDeskOptionRules.messageIdText(3031L)).doesNotThrowAnyException();
        assertThatCode(() -> LiveDeskOptionRules.messageIdText(null)).doesNotThrowAnyException();
    }

    @Test
    void pacingOptions() {
        assertThatCode(() -> LiveDeskOptionRules.pacing(0, 0, 1, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> LiveDeskOptionRules.pacing(-1, 0, 1, 1))
                .hasMessageContaining("component option rateLimitPerMinute: '-1' is less than 0");
        assertThatThrownBy(() -> LiveDeskOptionRules.pacing(0, -1, 1, 1))
                .hasMessageContaining("component option conversationRateLimitPerMinute: '-1' is less than 0");
        assertThatThrownBy(() -> LiveDeskOptionRules.pacing(0, 0, 0, 1))
                .hasMessageContaining("component option maxQueuedMessages: '0' is less than 1");
        assertThatThrownBy(() -> LiveDeskOptionRules.pacing(0, 0, 1, 0))
                .hasMessageContaining("component option rateLimitPeriod: '0' is less than 1");
    }
}
