package io.github.camellivedesk.simulator;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import com.sun.net.httpserver.Headers;

/**
 * Who may use the inspection and fault API ({@code /__simulator/}) and the downloads: it has no credentials of its
 * own, so it must not be reachable from a web page the developer happens to have open. It refuses
 * <ul>
 * <li>a {@code Host} other than a loopback name or address or the configured host, with the simulator's port (a
 * DNS-rebinding page sends its own host name);</li>
 * <li>a cross-site browser request: an {@code Origin} other than such a host, or {@code Sec-Fetch-Site} other than
 * {@code same-origin} / {@code none};</li>
 * <li>a POST whose body is not {@code application/json}, the one type a page cannot send cross-site without a CORS
 * preflight (which the simulator never grants);</li>
 * <li>when a token is configured, a request without it in {@value #TOKEN_HEADER}.</li>
 * </ul>
 */
final class AdminAccess {

    static final String TOKEN_HEADER = "X-Simulator-Token";

    private final String configuredHost;
    private final byte[] token;
    private volatile int port;

    AdminAccess(String configuredHost, String token) {
        this.configuredHost = configuredHost == null ? null : configuredHost.toLowerCase(Locale.ROOT);
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** The port the server listens on, once it is known. */
    void listeningOn(int actualPort) {
        this.port = actualPort;
    }

    /** Why a request to the inspection API is refused, or null when it may go through. */
    Refusal checkInspection(String method, Headers headers, boolean needsToken) {
        Refusal origin = checkOrigin(headers);
        if (origin != null) {
            return origin;
        }
        if (needsToken && token != null) {
            String given = headers.getFirst(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                return new Refusal(401,
                        "The simulator was started with an admin token: send it in the " + TOKEN_HEADER + " header");
            }
        }
        if (method.equals("POST") && !isJson(headers.getFirst("Content-Type"))) {
            return new Refusal(415, "The inspection API takes POST bodies as application/json only");
        }
        return null;
    }

    /** The Host and cross-site checks alone, for downloads. */
    Refusal checkOrigin(Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !isLocal(host, false)) {
            return new Refusal(403, "The inspection API answers only to loopback host names and the configured host");
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !isLocal(origin, true)) {
            return new Refusal(403, "Cross-site requests to the inspection API are refused");
        }
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return new Refusal(403, "Cross-site requests to the inspection API are refused");
        }
        return null;
    }

    private boolean isLocal(String value, boolean origin) {
        String authority = value.trim();
        if (origin) {
            try {
                URI uri = new URI(authority);
                if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null
                        || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                    return false;
                }
                authority = uri.getRawAuthority();
            } catch (URISyntaxException e) {
                return false; // "null" and other opaque origins
            }
        }
        String name;
        int givenPort;
        int end = authority.startsWith("[") ? authority.indexOf(']') + 1 : 0;
        if (authority.startsWith("[") && end <= 0) {
            return false;
        }
        int colon = authority.indexOf(':', end);
        if (colon < 0) {
            name = authority;
            givenPort = 80;
        } else {
            name = authority.substring(0, colon);
            try {
                givenPort = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return givenPort == port && isLocalName(name.toLowerCase(Locale.ROOT));
    }

    private boolean isLocalName(String name) {
        if (name.equals("localhost") || name.equals(configuredHost) || ("[" + configuredHost + "]").equals(name)) {
            return true;
        }
        // only literal addresses: a name is never resolved, as a rebinding name would resolve to loopback
        boolean ipv4 = name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean ipv6 = name.startsWith("[") && name.endsWith("]") && name.matches("\\[[0-9a-f:.]+\\]");
        if (!ipv4 && !ipv6) {
            return false;
        }
        try {
            return InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .equalsIgnoreCase("application/json");
    }

    /** A refused request: the status and the reason in the error body. */
    record Refusal(int status, String reason) {
    }
}
