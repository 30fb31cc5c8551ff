package io.github.camellivedesk;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS verification stays on by default, sslContextParameters can trust a private CA, and the proxy options work. */
class TransportOptionsTest extends LiveDeskTestSupport {

    private static final String ANSWER = "{\"id\":7,\"content\":\"over tls\",\"conversation_id\":141,\"status\":\"sent\"}";

    @TempDir
    Path dir;

    @Test
    void selfSignedServerIsRefusedByDefaultAndTrustedWithSslContextParameters() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        server.createContext("/", exchange -> ForwardingProxy.answer(exchange, 200, ANSWER));
        server.start();
        try {
            String base = "https://127.0.0.1:" + server.getAddress().getPort();

            Exchange refused = send("livedesk:send?conversationId=141&baseUrl=" + base, "over tls");
            assertThat(refused.getException()).isInstanceOfSatisfying(LiveDeskTransportException.class, e -> {
                assertThat(e.isRequestMayHaveReachedLiveDesk()).isFalse();
                assertThat(e.getMessage()).contains("TLS handshake").contains("not sent");
            });

            // a second component, as a user would declare for a private CA
            LiveDeskComponent trusting = new LiveDeskComponent();
            configure(trusting);
            trusting.setSslContextParameters(trusting(keystore));
            context.addComponent("livedesk-private-ca", trusting);
            Exchange trusted = send("livedesk-private-ca:send?conversationId=141&baseUrl=" + base, "over tls");
            assertThat(trusted.getException()).isNull();
            assertThat(trusted.getMessage().getBody(LiveDeskMessage.class).content()).isEqualTo("over tls");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void proxyWithBasicAuthentication() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            String credentials = exchange.getRequestHeaders().getFirst("Proxy-Authorization");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth=" + credentials);
            if (credentials == null) {
                exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
                ForwardingProxy.answer(exchange, 407, "{\"error\":\"proxy auth\"}");
                return;
            }
            ForwardingProxy.forward(exchange);
        });
        proxy.start();
        try {
            LiveDeskComponent viaProxy = new LiveDeskComponent();
            configure(viaProxy);
            viaProxy.setProxyHost("127.0.0.1");
            viaProxy.setProxyPort(proxy.getAddress().getPort());
            viaProxy.setProxyUsername("proxy-user");
            viaProxy.setProxyPassword("proxy-pass");
            context.addComponent("livedesk-proxy", viaProxy);

            Exchange exchange = send("livedesk-proxy:send?conversationId=141", "through the proxy");

            assertThat(exchange.getException()).isNull();
            assertThat(simulator().conversation(141L).messages()).singleElement()
                    .satisfies(m -> assertThat(m.content()).isEqualTo("through the proxy"));
            String expectedAuth = "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("proxy-user:proxy-pass".getBytes(StandardCharsets.UTF_8));
            assertThat(seen).last().asString()
                    .startsWith("POST " + LIVEDESK.baseUrl() + "/api/v2/accounts/conversations/141/messages")
                    .endsWith("auth=" + expectedAuth);
        } finally {
            proxy.stop(0);
        }
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContextParameters trusting(Path keystore) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keystore);
        trustStore.setPassword("changeit");
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
