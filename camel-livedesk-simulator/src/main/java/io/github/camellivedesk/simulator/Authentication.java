package io.github.camellivedesk.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** LiveDesk's HTTP Basic authentication: {@code base64(api_key:api_secret)}, compared in constant time. */
final class Authentication {

    private final byte[] expected;

    Authentication(String apiKey, String apiSecret) {
        this.expected = ("Basic "
                + Base64.getEncoder().encodeToString((apiKey + ":" + apiSecret).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Null when the call carries the right credentials, else the 401 answer. */
    ApiResponse check(ApiCall call) {
        String authorization = call.header("Authorization");
        if (authorization != null && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected)) {
            return null;
        }
        return ApiResponse.json(401, ErrorBodies.error("Invalid API key or secret")).closing();
    }
}
