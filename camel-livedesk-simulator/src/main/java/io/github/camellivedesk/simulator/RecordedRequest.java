package io.github.camellivedesk.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An API request as the simulator saw it.
 *
 * @param method         HTTP method
 * @param path           raw path with query
 * @param headers        request headers; {@code Authorization} is redacted to its scheme
 * @param contentType    the {@code Content-Type}, or null
 * @param bodySize       bytes of body read
 * @param jsonBody       the body of a JSON request (at most 64 KiB), else null
 * @param receivedAt     when it arrived
 * @param responseStatus the status answered; 0 when the connection was dropped
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, String contentType,
        long bodySize, String jsonBody, Instant receivedAt, int responseStatus) {
}
