package io.github.camellivedesk.internal;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@link LogSafe} writes a value into a message: nothing in it can forge or flood a log line. */
class LogSafeTest {

    static Stream<Arguments> quoted() {
        return Stream.of(
                Arguments.of("plain", "141", "'141'"),
                Arguments.of("line breaks and tab", "a\r\nb\tc", "'a\\r\\nb\\tc'"),
                Arguments.of("quote and backslash", "it's a\\b", "'it\\'s a\\\\b'"),
                Arguments.of("control characters", "\u0000\u001f\u007f\u0085", "'\\u0000\\u001f\\u007f\\u0085'"),
                Arguments.of("unicode line separators", "a\u2028b\u2029", "'a\\u2028b\\u2029'"),
                Arguments.of("exactly 80", "x".repeat(80), "'" + "x".repeat(80) + "'"),
                Arguments.of("81 cut", "y".repeat(81), "'" + "y".repeat(80) + "...(81 characters)'"),
                Arguments.of("null", null, "'null'"),
                Arguments.of("number", 12L, "'12'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quoted")
    void quotesValuesSoTheyCannotForgeLogLines(String name, Object value, String expected) {
        assertThat(LogSafe.quote(value)).isEqualTo(expected);
    }

}
