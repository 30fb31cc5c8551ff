package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test client for the simulator over real HTTP: the JDK's HttpClient, Basic auth, JSON and multipart bodies. */
final class Api {

    static final String BOUNDARY = "test-boundary-7MA4YWxkTrZu0gW";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final LiveDeskSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(LiveDeskSimulator simulator) {
        this.simulator = simulator;
    }

    String auth() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (simulator.apiKey() + ":" + simulator.apiSecret()).getBytes(StandardCharsets.UTF_8));
    }

    static String messagesPath(Object conversation) {
        return "/api/v2/accounts/conversations/" + conversation + "/messages";
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Authorization", auth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> postMultipart(String path, Supplier<InputStream> body)
            throws IOException, InterruptedException {
        return send(request(path).header("Authorization", auth())
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return parse(response.body(), new TypeReference<>() {});
    }

    static List<Object> jsonList(HttpResponse<String> response) {
        return parse(response.body(), new TypeReference<>() {});
    }

    /** Strict parsing by Jackson, independent of the simulator's own JSON code: a malformed answer fails the test. */
    static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not valid JSON: " + json, e);
        }
    }

    /** Builds a multipart body from text fields and file parts whose bytes come from streams. */
    static final class Multipart {
        private final List<Supplier<InputStream>> pieces = new ArrayList<>();

        Multipart field(String name, String value) {
            text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String disposition, String contentType, byte[] bytes) {
            return file(disposition, contentType, () -> new java.io.ByteArrayInputStream(bytes));
        }

        Multipart file(String disposition, String contentType, Supplier<InputStream> bytes) {
            text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; " + disposition
                    + "\r\nContent-Type: " + contentType + "\r\n\r\n");
            pieces.add(bytes);
            text("\r\n");
            return this;
        }

        Supplier<InputStream> end() {
            text("--" + BOUNDARY + "--\r\n");
            List<Supplier<InputStream>> parts = List.copyOf(pieces);
            return () -> {
                List<InputStream> streams = new ArrayList<>();
                parts.forEach(part -> streams.add(part.get()));
                return new SequenceInputStream(Collections.enumeration(streams));
            };
        }

        private void text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            pieces.add(() -> new java.io.ByteArrayInputStream(bytes));
        }
    }

    /** {@code size} pseudo-random bytes generated on the fly, never held in memory. */
    static InputStream generated(long size, long seed) {
        return new InputStream() {
            private long left = size;
            private long state = seed;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                for (int i = 0; i < n; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    buffer[offset + i] = (byte) (state >>> 56);
                }
                left -= n;
                return n;
            }
        };
    }
}
