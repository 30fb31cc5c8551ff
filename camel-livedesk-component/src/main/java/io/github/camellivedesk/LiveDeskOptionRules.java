package io.github.camellivedesk;

import java.net.URI;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.internal.events.EventFilter;

import static io.github.camellivedesk.internal.LogSafe.quote;

/**
 * Every rule on the component's and endpoints' options, in one place, checked once: an endpoint's when it starts,
 * the component's when its services start, and a {@code messageId} written in a URI before Camel converts it. A route
 * with wrong credentials or limits fails when it starts, naming the option, the problem and the fix. Request values
 * (headers, bodies) are checked per message by the internal request rules.
 */
final class LiveDeskOptionRules {

    private LiveDeskOptionRules() {
    }

    /** An endpoint's options (its own and those it took from the component). */
    static void endpoint(LiveDeskConfiguration options) {
        required(options.getApiKey(), "option apiKey");
        required(options.getApiSecret(), "option apiSecret");
        baseUrl(options.getBaseUrl());
        atLeast(options.getRequestTimeout(), 1, "option requestTimeout", "Use a positive duration, e.g. 60s");
        atLeast(options.getMaxContentLength(), 1, "option maxContentLength", "Use a positive number, e.g. 150000");
        atLeast(options.getMaxAttachments(), 1, "option maxAttachments", "Use a positive number, e.g. 15");
        atLeast(options.getMaxAttachmentSize(), 1, "option maxAttachmentSize", "Use a positive number of bytes");
        atLeast(options.getRateLimitMaxRetries(), 0, "option rateLimitMaxRetries", "Use 0 or more");
        atLeast(options.getRateLimitMaxWait(), 0, "option rateLimitMaxWait", "Use zero or a positive duration");
    }

    /** A {@code livedesk:events} endpoint's options. */
    static void events(LiveDeskConfiguration options) {
        String path = options.getPath();
        if (path == null || !path.matches("/[A-Za-z0-9._~/-]*")) {
            throw new LiveDeskValidationException("option path", quote(path) + " is not a URL path",
                    "Use a path that starts with / and holds letters, digits, '.', '_', '~', '-' and '/', e.g. "
                            + "/livedesk/events");
        }
        names(options.getEvents(), "[a-z][a-z0-9_]*", "option events",
                "Use a comma list of event names such as message_created,conversation_status_changed");
        for (String kind : EventFilter.list(options.getMessageTypes())) {
            if (!EventFilter.MESSAGE_KINDS.contains(kind)) {
                throw new LiveDeskValidationException("option messageTypes", quote(kind) + " is no message kind",
                        "Use a comma list of incoming, outgoing, private and activity");
            }
        }
        notBlankIfSet(options.getWebhookSecret(), "option webhookSecret");
        notBlankIfSet(options.getWebhookToken(), "option webhookToken");
        atLeast(options.getSignatureTolerance(), 1000, "option signatureTolerance",
                "Use a duration of a second or more, e.g. 5m");
        atLeast(options.getMaxBodySize(), 1, "option maxBodySize", "Use a positive number of bytes, e.g. 1048576");
    }

    private static void names(String commaList, String pattern, String option, String fix) {
        for (String name : EventFilter.list(commaList)) {
            if (!name.matches(pattern)) {
                throw new LiveDeskValidationException(option, quote(name) + " is not an event name", fix);
            }
        }
    }

    private static void notBlankIfSet(String secret, String option) {
        if (secret != null && secret.isBlank()) {
            // the value is a secret: never quoted
            throw new LiveDeskValidationException(option, "is blank",
                    "Leave it unset, or set the value configured on the LiveDesk API channel's webhook");
        }
    }

    /** The component's transport options. */
    static void transport(int maxConnections, long connectTimeout) {
        atLeast(maxConnections, 1, "component option maxConnections", "Use a positive number, e.g. 64");
        atLeast(connectTimeout, 1, "component option connectTimeout", "Use a positive duration, e.g. 10s");
    }

    /** The component's pacing and queue options. */
    static void pacing(int rateLimitPerMinute, int conversationRateLimitPerMinute, int maxQueuedMessages,
            long rateLimitPeriod) {
        atLeast(rateLimitPerMinute, 0, "component option rateLimitPerMinute",
                "Use 0 for no pacing or the requests per minute LiveDesk allows, e.g. 3000");
        atLeast(conversationRateLimitPerMinute, 0, "component option conversationRateLimitPerMinute",
                "Use 0 for no pacing or the messages per minute LiveDesk allows per conversation, e.g. 200");
        atLeast(maxQueuedMessages, 1, "component option maxQueuedMessages", "Use a positive number, e.g. 10000");
        atLeast(rateLimitPeriod, 1, "component option rateLimitPeriod", "Use a positive duration, e.g. 60s");
    }

    /** The component's options for customers. */
    static void customers(int maxRememberedCustomers) {
        atLeast(maxRememberedCustomers, 1, "component option maxRememberedCustomers",
                "Use a positive number, e.g. 10000 (customers forgotten are found again in LiveDesk)");
    }

    /** The text of a {@code messageId} endpoint option, before Camel converts it: digits only. */
    static void messageIdText(Object raw) {
        if (raw instanceof String text && !text.trim().matches("[0-9]+")) {
            throw new LiveDeskValidationException("endpoint option messageId", quote(text) + " is not a number",
                    "Use the numeric id LiveDesk returned for the failed message, e.g. livedesk:retry?messageId=3031");
        }
    }

    private static void required(String secret, String option) {
        if (secret == null || secret.isBlank()) {
            // the value is a secret: never quoted
            throw new LiveDeskValidationException(option, "is missing or blank",
                    "Copy the API Key and API Secret from the LiveDesk API Key page into the apiKey and apiSecret options");
        }
    }

    private static void baseUrl(String baseUrl) {
        URI uri = null;
        try {
            uri = baseUrl == null ? null : URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (uri == null || uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new LiveDeskValidationException("option baseUrl", quote(withoutUserInfo(baseUrl))
                    + " is not an http(s) URL with a host",
                    "Use the service root such as https://livedesk-api.engagelab.com");
        }
        if (uri.getRawUserInfo() != null) {
            // never repeated: it holds a password; HttpClient would refuse it only after the request was handed over
            throw new LiveDeskValidationException("option baseUrl", "contains user information (user:password@)",
                    "Remove it from the URL: LiveDesk authenticates with the apiKey and apiSecret options");
        }
    }

    private static String withoutUserInfo(String baseUrl) {
        return baseUrl == null ? null : baseUrl.replaceAll("//[^/]*@", "//***@");
    }

    private static void atLeast(long value, long minimum, String option, String fix) {
        if (value < minimum) {
            throw new LiveDeskValidationException(option, quote(value) + " is less than " + minimum, fix);
        }
    }
}
