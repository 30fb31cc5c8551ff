package io.github.camellivedesk.internal.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides whether a delivery comes from LiveDesk: with a secret, by the signature recent Chatwoot sends
 * ({@code X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "{timestamp}.{raw body}")>}) over a timestamp no
 * further than the tolerance from now, either way, so that a captured delivery cannot be replayed later; with a token,
 * by the token in the webhook URL (LiveDesk documents no signature). With both, both must match. Every comparison
 * takes the same time whatever matches, so an attacker cannot learn the expected value byte by byte. Neither secret
 * nor token is ever part of a refusal's reason or of {@link #toString()}.
 */
public final class Authenticity {

    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    // keyed once; each delivery uses a clone: Mac.getInstance and init per delivery cost more than the HMAC itself
    private final Mac prototype;
    private final byte[] token;
    private final long toleranceSeconds;

    /**
     * @param secret    the webhook secret, or null to not check signatures
     * @param token     the URL token, or null to not check one
     * @param tolerance how far the delivery's timestamp may be from now
     */
    public Authenticity(String secret, String token, Duration tolerance) {
        this.key = secret == null ? null : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.prototype = key == null ? null : newMac(key);
        this.toleranceSeconds = tolerance.toSeconds();
    }

    /** Whether anything is checked; without, anyone who can reach the URL can post events. */
    public boolean checksAnything() {
        return key != null || token != null;
    }

    /**
     * Refuses with 401 a delivery that does not verify.
     *
     * @param timestamp  the {@code X-Chatwoot-Timestamp} header
     * @param signature  the {@code X-Chatwoot-Signature} header
     * @param urlToken   the token from the request's URL
     * @param body       the raw body
     * @param nowSeconds the current time in unix seconds
     */
    public void verify(String timestamp, String signature, String urlToken, byte[] body, long nowSeconds)
            throws RefusedDelivery {
        if (token != null) {
            byte[] given = urlToken == null ? new byte[0] : urlToken.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(token, given)) {
                throw new RefusedDelivery(401, "token missing or wrong");
            }
        }
        if (key == null) {
            return;
        }
        if (timestamp == null || signature == null) {
            throw new RefusedDelivery(401, "X-Chatwoot-Signature or X-Chatwoot-Timestamp missing");
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new RefusedDelivery(401, "X-Chatwoot-Timestamp is not unix seconds");
        }
        if (Math.abs(nowSeconds - sent) > toleranceSeconds) {
            throw new RefusedDelivery(401, "X-Chatwoot-Timestamp outside the tolerance of " + toleranceSeconds + " s");
        }
        String given = signature.trim().toLowerCase(Locale.ROOT);
        if (given.startsWith(PREFIX)) {
            given = given.substring(PREFIX.length());
        }
        byte[] expected = HexFormat.of().formatHex(mac(timestamp.trim(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            throw new RefusedDelivery(401, "signature does not match");
        }
    }

    private byte[] mac(String timestamp, byte[] body) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // a provider whose Mac cannot be cloned: a new one each time
            mac = newMac(key);
        }
        mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        return mac.doFinal(body);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "Authenticity[signature=" + (key == null ? "unchecked" : "checked") + ", token="
                + (token == null ? "unchecked" : "checked") + ", toleranceSeconds=" + toleranceSeconds + "]";
    }
}
