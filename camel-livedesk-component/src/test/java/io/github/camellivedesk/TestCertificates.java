package io.github.camellivedesk;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-signed server certificates made with the JDK's keytool, and the TLS settings that trust them. */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** A PKCS12 key store at {@code keystore} holding a key pair and a certificate for {@code subjectAlternativeNames}. */
    static Path selfSigned(Path keystore, String commonName, String subjectAlternativeNames) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=" + commonName,
                "-ext", "SAN=" + subjectAlternativeNames, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        return keystore;
    }

    /** The server side: presents the key store's certificate. */
    static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Camel TLS settings whose trust store holds the key store's certificate, as a user would declare them. */
    static SSLContextParameters trusting(Path keystore) {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keystore);
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
