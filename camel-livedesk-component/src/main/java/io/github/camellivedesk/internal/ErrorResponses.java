package io.github.camellivedesk.internal;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camellivedesk.error.LiveDeskAuthenticationException;
import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.error.LiveDeskRateLimitException;

/**
 * Turns a non-2xx answer into a typed exception, reading the error text from every body shape the service is known
 * to use: {@code {"error":"..."}}, {@code {"message":"...","attributes":[...]}}, {@code {"code":..,"message":..}},
 * {@code {"error":{"code":..,"message":..}}}, {@code {"errors":[...]}}, plain text or HTML. Never fails on an
 * unexpected body.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /**
     * @param subject what the request was about, e.g. {@code conversation '141'}, named when LiveDesk answers 404
     */
    static LiveDeskHttpException toException(LiveDeskHttpResponse response, int attempts, Clock clock, String subject) {
        String excerpt = response.excerpt();
        String message = errorMessage(response);
        Duration retryAfter = RetryAfter.parse(response.retryAfter(), clock);
        int status = response.status();
        if (status == 429) {
            return new LiveDeskRateLimitException(response.reason(), message, excerpt, retryAfter, attempts);
        }
        if (status == 401 || status == 403) {
            return new LiveDeskAuthenticationException(status, response.reason(), message, excerpt);
        }
        return new LiveDeskHttpException(status, response.reason(), message, excerpt, retryAfter, subject);
    }

    static String errorMessage(LiveDeskHttpResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        try {
            JsonNode root = LiveDeskJson.mapper().readTree(response.body());
            if (root != null && root.isObject()) {
                String text = fromObject(root);
                if (text != null) {
                    return text;
                }
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // not JSON: fall through to the text form
        }
        String text = response.excerpt();
        if (response.contentType() != null && response.contentType().contains("html")) {
            return "(HTML error page) " + stripTags(text);
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static String fromObject(JsonNode root) {
        JsonNode error = root.get("error");
        if (error != null && error.isTextual()) {
            return error.asText();
        }
        if (error != null && error.isObject()) {
            return withCode(error.get("code"), error.get("message"));
        }
        JsonNode message = root.get("message");
        if (message != null && message.isTextual()) {
            String text = withCode(root.get("code"), message);
            JsonNode attributes = root.get("attributes");
            if (attributes != null && attributes.isArray() && !attributes.isEmpty()) {
                text += " (attributes: " + attributes + ")";
            }
            return text;
        }
        JsonNode errors = root.get("errors");
        if (errors != null && !errors.isNull()) {
            return errors.isTextual() ? errors.asText() : errors.toString();
        }
        return null;
    }

    private static String withCode(JsonNode code, JsonNode message) {
        String text = message == null || message.isNull() ? "" : message.asText();
        return code == null || code.isNull() ? text : "[" + code.asText() + "] " + text;
    }

    private static String stripTags(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
