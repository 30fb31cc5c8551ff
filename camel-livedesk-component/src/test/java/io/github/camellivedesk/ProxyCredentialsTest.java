package io.github.camellivedesk;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy password is as secret as the API secret: with every logger at TRACE (HttpClient's header log prints
 * request headers at DEBUG), neither it nor the {@code Proxy-Authorization} value built from it shows in the log.
 */
class ProxyCredentialsTest extends LiveDeskTestSupport {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "pr0xy-s3cret";

    @Test
    void theProxyPasswordNeverReachesTheLog() throws Exception {
        AtomicInteger authenticated = new AtomicInteger();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            if (!basic(PROXY_USER, PROXY_PASSWORD).equals(credentials)) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
                ForwardingProxy.answer(exchange, 407, "{\"error\":\"proxy authentication required\"}");
                return;
            }
            authenticated.incrementAndGet();
            ForwardingProxy.forward(exchange);
        });
        proxy.start();
        List<String> logs;
        try (LogCapture capture = LogCapture.begin()) {
            LiveDeskComponent viaProxy = new LiveDeskComponent();
            configure(viaProxy);
            viaProxy.setProxyHost("127.0.0.1");
            viaProxy.setProxyPort(proxy.getAddress().getPort());
            viaProxy.setProxyUsername(PROXY_USER);
            viaProxy.setProxyPassword(PROXY_PASSWORD);
            context.addComponent("livedesk-proxy", viaProxy);

            Exchange first = send("livedesk-proxy:send?conversationId=141", "through the proxy");
            Exchange second = send("livedesk-proxy:send?conversationId=141", "again through the proxy");

            assertThat(first.getException()).isNull();
            assertThat(second.getException()).isNull();
            logs = capture.lines();
        } finally {
            proxy.stop(0);
        }
        assertThat(authenticated).as("requests the proxy let through").hasValue(2);
        assertThat(logs).as("HttpClient's header log is captured")
                .anySatisfy(line -> assertThat(line).startsWith("org.apache.hc.client5.http.headers"));
        String encoded = basic(PROXY_USER, PROXY_PASSWORD).substring("Basic ".length());
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(PROXY_PASSWORD).doesNotContain(encoded));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
