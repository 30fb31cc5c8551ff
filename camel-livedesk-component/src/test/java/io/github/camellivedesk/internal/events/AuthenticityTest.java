package io.github.camellivedesk.internal.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticityTest {

    private static final String SECRET = "s3cret";
    private static final byte[] BODY = "{\"event\":\"message_created\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static String signature(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aSignatureOverTimestampAndBodyVerifiesAtTheEdgesOfTheTolerance() throws Exception {
        Authenticity check = new Authenticity(SECRET, null, FIVE_MINUTES);
        for (long timestamp : new long[]{ NOW, NOW - 300, NOW + 300 }) {
            String signature = signature(SECRET, timestamp, BODY);
            assertThatCode(() -> check.verify(Long.toString(timestamp), signature, null, BODY, NOW))
                    .doesNotThrowAnyException();
            // upper-case hex and no prefix are the same signature
            assertThatCode(() -> check.verify(" " + timestamp + " ", signature.substring(7).toUpperCase(), null,
                    BODY, NOW)).doesNotThrowAnyException();
        }
        // the same clone-per-delivery Mac, many times: no state leaks from one delivery to the next
        for (int i = 0; i < 3; i++) {
            check.verify(Long.toString(NOW), signature(SECRET, NOW, BODY), null, BODY, NOW);
        }
    }

    @Test
    void everythingElseIsA401WithoutTheSecret() throws Exception {
        Authenticity check = new Authenticity(SECRET, null, FIVE_MINUTES);
        String good = signature(SECRET, NOW, BODY);
        Object[][] cases = {
                { Long.toString(NOW - 301), signature(SECRET, NOW - 301, BODY), "tolerance" },
                { Long.toString(NOW + 301), signature(SECRET, NOW + 301, BODY), "tolerance" },
                { Long.toString(NOW), signature("other", NOW, BODY), "does not match" },
                { Long.toString(NOW + 1), good, "does not match" },
                { Long.toString(NOW), good.substring(0, good.length() - 1), "does not match" },
                { Long.toString(NOW), "", "does not match" },
                { "yesterday", good, "unix seconds" },
                { null, good, "missing" },
                { Long.toString(NOW), null, "missing" } };
        for (Object[] bad : cases) {
            assertThatThrownBy(() -> check.verify((String) bad[0], (String) bad[1], null, BODY, NOW))
                    .as("%s %s", bad[0], bad[1]).isInstanceOfSatisfying(RefusedDelivery.class, refused -> {
                        assertThat(refused.status()).isEqualTo(401);
                        assertThat(refused.reason()).contains((String) bad[2]).doesNotContain(SECRET);
                    });
        }
        byte[] tampered = "{\"event\":\"message_updated\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> check.verify(Long.toString(NOW), good, null, tampered, NOW))
                .isInstanceOf(RefusedDelivery.class);
    }

    @Test
    void aTokenMustMatchExactlyAndWithBothBothMust() throws Exception {
        Authenticity token = new Authenticity(null, "t0k3n", FIVE_MINUTES);
        assertThat(token.checksAnything()).isTrue();
        assertThatCode(() -> token.verify(null, null, "t0k3n", BODY, NOW)).doesNotThrowAnyException();
        for (String wrong : new String[]{ null, "", "t0k3", "t0k3n2", "T0K3N" }) {
            assertThatThrownBy(() -> token.verify(null, null, wrong, BODY, NOW)).as(wrong)
                    .isInstanceOfSatisfying(RefusedDelivery.class, refused -> assertThat(refused.status())
                            .isEqualTo(401));
        }
        Authenticity both = new Authenticity(SECRET, "t0k3n", FIVE_MINUTES);
        String good = signature(SECRET, NOW, BODY);
        assertThatCode(() -> both.verify(Long.toString(NOW), good, "t0k3n", BODY, NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> both.verify(Long.toString(NOW), good, "wrong", BODY, NOW))
                .isInstanceOf(RefusedDelivery.class);
        assertThatThrownBy(() -> both.verify(Long.toString(NOW), null, "t0k3n", BODY, NOW))
                .isInstanceOf(RefusedDelivery.class);
    }

    @Test
    void neitherChecksNothingAndToStringShowsNoSecret() throws Exception {
        Authenticity none = new Authenticity(null, null, FIVE_MINUTES);
        assertThat(none.checksAnything()).isFalse();
        none.verify(null, null, null, BODY, NOW);
        assertThat(new Authenticity(SECRET, "t0k3n", FIVE_MINUTES).toString()).doesNotContain(SECRET)
                .doesNotContain("t0k3n").contains("checked");
    }
}
