package io.github.camellivedesk;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.camellivedesk.error.LiveDeskTransportException;
import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trusted certificate issued for another host is refused with every TLS configuration the component accepts, before
 * the request leaves: trusting a certificate must never mean trusting it for any host. Each configuration is also
 * shown to accept the same trust store's certificate for the right host, so the refusal is about the host name.
 */
class TlsHostnameVerificationTest extends LiveDeskTestSupport {

    private static final String ANSWER = "{\"id\":7,\"content\":\"over tls\",\"conversation_id\":141,\"status\":\"sent\"}";

    /** The TLS configurations a user can give the component. */
    enum TlsConfiguration {
        SSL_CONTEXT_PARAMETERS, GLOBAL_SSL_CONTEXT_PARAMETERS, JVM_DEFAULT_TRUST_STORE
    }

    @TempDir
    static Path dir;

    private static final AtomicInteger WRONG_HOST_REQUESTS = new AtomicInteger();
    private static HttpsServer wrongHost;
    private static HttpsServer rightHost;
    private static Path trustStore;
    private String previousTrustStore;

    @BeforeAll
    static void startServers() throws Exception {
        Path wrong = TestCertificates.selfSigned(dir.resolve("wrong.p12"), "wrong.example", "dns:wrong.example");
        Path right = TestCertificates.selfSigned(dir.resolve("right.p12"), "localhost", "ip:127.0.0.1");
        trustStore = trustStoreOf(wrong, right);
        wrongHost = server(wrong, WRONG_HOST_REQUESTS);
        rightHost = server(right, new AtomicInteger());
    }

    @AfterAll
    static void stopServers() {
        wrongHost.stop(0);
        rightHost.stop(0);
    }

    @BeforeEach
    void rememberTrustStore() {
        previousTrustStore = System.getProperty("javax.net.ssl.trustStore");
        WRONG_HOST_REQUESTS.set(0);
    }

    @AfterEach
    void restoreTrustStore() {
        restore("javax.net.ssl.trustStore", previousTrustStore);
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    @ParameterizedTest
    @EnumSource(TlsConfiguration.class)
    void aCertificateForAnotherHostIsRefusedBeforeTheRequestLeaves(TlsConfiguration configuration) throws Exception {
        LiveDeskComponent component = new LiveDeskComponent();
        configure(component);
        SSLContextParameters trusting = TestCertificates.trusting(trustStore);
        switch (configuration) {
            case SSL_CONTEXT_PARAMETERS -> component.setSslContextParameters(trusting);
            case GLOBAL_SSL_CONTEXT_PARAMETERS -> {
                context.setSSLContextParameters(trusting);
                component.setUseGlobalSslContextParameters(true);
            }
            case JVM_DEFAULT_TRUST_STORE -> {
                // the JVM's default trust store is read from these properties when the component builds its client
                System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
                System.setProperty("javax.net.ssl.trustStorePassword", TestCertificates.PASSWORD);
                System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            }
        }
        context.addComponent("livedesk-tls", component);

        Exchange trusted = send("livedesk-tls:send?conversationId=141&baseUrl=" + url(rightHost), "over tls");
        assertThat(trusted.getException()).as("the trust store is in use").isNull();
        assertThat(trusted.getMessage().getBody(LiveDeskMessage.class).content()).isEqualTo("over tls");

        Exchange refused = send("livedesk-tls:send?conversationId=141&baseUrl=" + url(wrongHost), "over tls");

        assertThat(refused.getException()).isInstanceOfSatisfying(LiveDeskTransportException.class, e -> {
            assertThat(e.isRequestMayHaveReachedLiveDesk()).as("nothing left before the handshake").isFalse();
            assertThat(e.getMessage()).contains("127.0.0.1").contains("not sent");
        });
        assertThat(WRONG_HOST_REQUESTS).as("requests the server with the wrong certificate received").hasValue(0);
    }

    private static String url(HttpsServer server) {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    private static HttpsServer server(Path keystore, AtomicInteger requests) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(keystore)));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            ForwardingProxy.answer(exchange, 200, ANSWER);
        });
        server.start();
        return server;
    }

    /** One PKCS12 trust store holding the certificates of both key stores. */
    private static Path trustStoreOf(Path... keystores) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (Path keystore : keystores) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, TestCertificates.PASSWORD.toCharArray());
            }
            trust.setCertificateEntry(keystore.getFileName().toString(), store.getCertificate("server"));
        }
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            trust.store(out, TestCertificates.PASSWORD.toCharArray());
        }
        return file;
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

}
