package io.github.camellivedesk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The API key and secret, kept only as the precomputed {@code Authorization} header value. {@link #toString()} never
 * shows either part.
 */
public final class LiveDeskCredentials {

    private final String authorization;

    private LiveDeskCredentials(String authorization) {
        this.authorization = authorization;
    }

    /** Credentials for HTTP Basic {@code base64(apiKey:apiSecret)}; both must be present. */
    public static LiveDeskCredentials of(String apiKey, String apiSecret) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is missing or blank: set it from the LiveDesk API Key page");
        }
        if (apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException(
                    "apiSecret is missing or blank: set it from the LiveDesk API Key page");
        }
        String pair = apiKey + ":" + apiSecret;
        return new LiveDeskCredentials(
                "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Authorization} header value. */
    String authorizationHeader() {
        return authorization;
    }

    @Override
    public String toString() {
        return "LiveDeskCredentials[***]";
    }
}
