package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a web page open in the developer's browser, or a user's own files, must be safe from: each test is an attack
 * from the security review of the simulator, over HTTP against the running simulator.
 */
class SimulatorExposureTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    @TempDir
    Path workspace;

    @Test
    void resetAndCloseDeleteOnlyWhatTheSimulatorWroteInAGivenStorageDir() throws Exception {
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/Main.java"), "class Main {}");
        Files.writeString(workspace.resolve("README.md"), "# mine");
        Path uploaded;
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().conversations(141L).storageDir(workspace).build()
                .start()) {
            Api api = new Api(simulator);
            api.postMultipart(Api.messagesPath(141),
                    new Api.Multipart().file("filename=\"a.txt\"", "text/plain", "abc".getBytes()).end());
            uploaded = simulator.attachments().get(0).path();
            assertThat(uploaded).exists();

            assertThat(api.post("/__simulator/reset", "application/json", "", null).statusCode()).isEqualTo(200);

            assertThat(uploaded).doesNotExist();
            assertThat(workspace.resolve("src/Main.java")).hasContent("class Main {}");
            assertThat(workspace.resolve("README.md")).hasContent("# mine");
            api.postMultipart(Api.messagesPath(141),
                    new Api.Multipart().file("filename=\"b.txt\"", "text/plain", "abc".getBytes()).end());
            uploaded = simulator.attachments().get(0).path();
        }
        assertThat(uploaded).doesNotExist();
        assertThat(workspace.resolve("src/Main.java")).hasContent("class Main {}");
        assertThat(workspace.resolve("README.md")).hasContent("# mine");
    }

    @Test
    void aStorageDirTheSimulatorCreatedGoesAwayOnClose() {
        Path created = workspace.resolve("received");
        try (LiveDeskSimulator simulator = LiveDeskSimulator.builder().storageDir(created).build().start()) {
            assertThat(simulator.storageDir()).isDirectory();
        }
        assertThat(created).doesNotExist();
    }

    @Test
    void aDnsRebindingHostCannotReadTheRequestLog() throws Exception {
        int port = LIVEDESK.simulator().port();
        new Api(LIVEDESK.simulator()).post(Api.messagesPath(141), "application/json", "{\"content\":\"hi\"}",
                new Api(LIVEDESK.simulator()).auth());

        RawHttp.Answer rebound = RawHttp.send(port,
                "GET /__simulator/requests HTTP/1.1\r\nHost: attacker.example:" + port, "");
        RawHttp.Answer otherPort = RawHttp.send(port,
                "GET /__simulator/requests HTTP/1.1\r\nHost: 127.0.0.1:" + (port + 1), "");
        RawHttp.Answer noHost = RawHttp.send(port, "GET /__simulator/requests HTTP/1.0", "");
        RawHttp.Answer local = RawHttp.send(port, "GET /__simulator/requests HTTP/1.1\r\nHost: localhost:" + port, "");
        RawHttp.Answer ipv4 = RawHttp.send(port, "GET /__simulator/requests HTTP/1.1\r\nHost: 127.0.0.1:" + port, "");

        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).doesNotContain("content").contains("loopback");
        assertThat(otherPort.status()).isEqualTo(403);
        assertThat(noHost.status()).isEqualTo(403);
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("\\\"hi\\\"");
        assertThat(ipv4.status()).isEqualTo(200);
    }

    @Test
    void aCrossSiteFormPostCannotCloseAWindowOrResetTheSimulator() throws Exception {
        int port = LIVEDESK.simulator().port();
        String host = "Host: 127.0.0.1:" + port;

        RawHttp.Answer textPlain = RawHttp.send(port, "POST /__simulator/conversations/141/window HTTP/1.1\r\n" + host
                + "\r\nContent-Type: text/plain", "{\"open\":false}");
        RawHttp.Answer form = RawHttp.send(port, "POST /__simulator/conversations/141/window HTTP/1.1\r\n" + host
                + "\r\nContent-Type: application/x-www-form-urlencoded", "{\"open\":false}");
        RawHttp.Answer crossOrigin = RawHttp.send(port, "POST /__simulator/conversations/141/window HTTP/1.1\r\n" + host
                + "\r\nOrigin: https://evil.example\r\nContent-Type: application/json", "{\"open\":false}");
        RawHttp.Answer crossSite = RawHttp.send(port, "POST /__simulator/conversations/141/window HTTP/1.1\r\n" + host
                + "\r\nSec-Fetch-Site: cross-site\r\nContent-Type: application/json", "{\"open\":false}");
        RawHttp.Answer nullOrigin = RawHttp.send(port, "POST /__simulator/reset HTTP/1.1\r\n" + host
                + "\r\nOrigin: null\r\nContent-Type: application/json", "");

        assertThat(textPlain.status()).isEqualTo(415);
        assertThat(form.status()).isEqualTo(415);
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(nullOrigin.status()).isEqualTo(403);
        assertThat(LIVEDESK.simulator().conversation(141L).windowOpen()).isTrue();

        RawHttp.Answer sameOrigin = RawHttp.send(port, "POST /__simulator/conversations/141/window HTTP/1.1\r\n" + host
                + "\r\nOrigin: http://localhost:" + port + "\r\nSec-Fetch-Site: same-origin"
                + "\r\nContent-Type: application/json; charset=utf-8", "{\"open\":false}");
        assertThat(sameOrigin.status()).isEqualTo(200);
        assertThat(LIVEDESK.simulator().conversation(141L).windowOpen()).isFalse();
    }

    @Test
    void anAdminTokenGuardsTheInspectionApiButNotHealth() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (LiveDeskSimulator simulator = SimulatorMain.run(
                new String[]{ "--port", "0", "--admin-token", "s3cret-t0ken" },
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            Api api = new Api(simulator);
            HttpRequest.Builder requests = HttpRequest
                    .newBuilder(java.net.URI.create(simulator.baseUrl() + "/__simulator/requests"));

            assertThat(api.get("/__simulator/requests").statusCode()).isEqualTo(401);
            assertThat(api.send(requests.copy().header("X-Simulator-Token", "guess").build()).statusCode())
                    .isEqualTo(401);
            assertThat(api.send(requests.copy().header("X-Simulator-Token", "s3cret-t0ken").build()).statusCode())
                    .isEqualTo(200);
            assertThat(api.get("/__simulator/health").statusCode()).isEqualTo(200);
            assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret-t0ken")
                    .contains("/__simulator/ui#token=<the --admin-token value>");
        }
    }

    @Test
    void anUploadedPageIsServedAsADownloadNeverInline() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        api.postMultipart(Api.messagesPath(141), new Api.Multipart().file("filename=\"x\\\".html\"", "text/html",
                "<script>fetch('/__simulator/requests')</script>".getBytes(StandardCharsets.UTF_8)).end());

        HttpResponse<byte[]> download = api.download(LIVEDESK.simulator().attachments().get(0).dataUrl());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"x_.html\"; filename*=UTF-8''x%22.html");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));
        int port = LIVEDESK.simulator().port();
        String path = java.net.URI.create(LIVEDESK.simulator().attachments().get(0).dataUrl()).getRawPath();
        assertThat(RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: attacker.example:" + port, "").status())
                .isEqualTo(403);
    }

    @Test
    void inspectionBodiesAreBoundedTo1MiB() throws Exception {
        int port = LIVEDESK.simulator().port();
        String padding = "x".repeat(2 * 1024 * 1024);

        RawHttp.Answer huge = RawHttp.send(port, "POST /__simulator/faults HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json",
                "{\"type\":\"status\",\"status\":503,\"next\":1,\"padding\":\"" + padding + "\"}");

        assertThat(huge.status()).isEqualTo(413);
        assertThat(LIVEDESK.simulator().faults().describe()).isEmpty();
    }

    @Test
    void aMultipartPartWithEndlessHeaderLinesIsRefused() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("y".repeat(100)).append("\r\n");
        }
        String body = "--" + Api.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"\r\n" + headers
                + "\r\nhello\r\n--" + Api.BOUNDARY + "--\r\n";

        HttpResponse<String> answer = new Api(LIVEDESK.simulator()).postMultipart(Api.messagesPath(141),
                () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("header lines");
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
    }

    @Test
    void aMultipartHeaderLineLongerThan16KiBIsRefused() throws Exception {
        String body = "--" + Api.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"\r\nX-Long: "
                + "z".repeat(64 * 1024) + "\r\n\r\nhello\r\n--" + Api.BOUNDARY + "--\r\n";

        HttpResponse<String> answer = new Api(LIVEDESK.simulator()).postMultipart(Api.messagesPath(141),
                () -> new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
    }

    @Test
    void theRequestLogHidesCookies() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        api.send(HttpRequest.newBuilder(java.net.URI.create(LIVEDESK.baseUrl() + Api.messagesPath(141)))
                .header("Authorization", api.auth()).header("Content-Type", "application/json")
                .header("Cookie", "session=abc123")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}")).build());

        List<Object> requests = Api.jsonList(api.get("/__simulator/requests"));

        Map<?, ?> headers = (Map<?, ?>) ((Map<?, ?>) requests.get(0)).get("headers");
        assertThat(headers.get("Cookie")).isEqualTo(List.of("***"));
        assertThat(api.get("/__simulator/requests").body()).doesNotContain("abc123");
    }
}
