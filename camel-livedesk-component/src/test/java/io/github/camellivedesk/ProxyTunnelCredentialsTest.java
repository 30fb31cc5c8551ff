package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS through a proxy goes through a {@code CONNECT} tunnel, whose {@code Proxy-Authorization} HttpClient's header
 * log prints like any other header: the proxy password stays out of the log there too, and the header never travels
 * inside the tunnel to LiveDesk.
 */
class ProxyTunnelCredentialsTest extends LiveDeskTestSupport {

    private static final String PROXY_USER = "tunnel-user";
    private static final String PROXY_PASSWORD = "tunn3l-s3cret";
    private static final String ANSWER = "{\"id\":7,\"content\":\"tunnelled\",\"conversation_id\":141,\"status\":\"sent\"}";

    @TempDir
    Path dir;

    @Test
    void theProxyPasswordStaysOutOfTheLogOnTheTunnelToo() throws Exception {
        Path keystore = TestCertificates.selfSigned(dir.resolve("server.p12"), "localhost", "ip:127.0.0.1");
        List<String> headersAtLiveDesk = new CopyOnWriteArrayList<>();
        HttpsServer liveDesk = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        liveDesk.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(keystore)));
        liveDesk.createContext("/", exchange -> {
            headersAtLiveDesk.addAll(exchange.getRequestHeaders().keySet());
            ForwardingProxy.answer(exchange, 200, ANSWER);
        });
        liveDesk.start();
        List<String> logs;
        try (TunnelProxy proxy = new TunnelProxy(basic(PROXY_USER, PROXY_PASSWORD));
                LogCapture capture = LogCapture.begin()) {
            LiveDeskComponent viaProxy = new LiveDeskComponent();
            configure(viaProxy);
            viaProxy.setSslContextParameters(TestCertificates.trusting(keystore));
            viaProxy.setProxyHost("127.0.0.1");
            viaProxy.setProxyPort(proxy.port());
            viaProxy.setProxyUsername(PROXY_USER);
            viaProxy.setProxyPassword(PROXY_PASSWORD);
            context.addComponent("livedesk-tunnel", viaProxy);

            Exchange exchange = send("livedesk-tunnel:send?conversationId=141&baseUrl=https://127.0.0.1:"
                    + liveDesk.getAddress().getPort(), "tunnelled");

            assertThat(exchange.getException()).isNull();
            assertThat(exchange.getMessage().getBody(LiveDeskMessage.class).content()).isEqualTo("tunnelled");
            assertThat(proxy.tunnels()).as("tunnels the proxy opened after checking the credentials").isNotEmpty();
            logs = capture.lines();
        } finally {
            liveDesk.stop(0);
        }
        assertThat(headersAtLiveDesk).as("headers that reached LiveDesk through the tunnel")
                .isNotEmpty().noneMatch(name -> name.equalsIgnoreCase("Proxy-Authorization"));
        assertThat(logs).as("HttpClient's header log showed the CONNECT")
                .anySatisfy(
                        line -> assertThat(line).startsWith("org.apache.hc.client5.http.headers").contains("CONNECT"));
        String encoded = basic(PROXY_USER, PROXY_PASSWORD).substring("Basic ".length());
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(PROXY_PASSWORD).doesNotContain(encoded));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A CONNECT-only proxy on loopback that asks for Basic credentials and then relays bytes both ways. */
    private static final class TunnelProxy implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final String expected;
        private final List<String> tunnels = new CopyOnWriteArrayList<>();

        TunnelProxy(String expected) throws IOException {
            this.expected = expected;
            daemon(this::accept);
        }

        int port() {
            return socket.getLocalPort();
        }

        List<String> tunnels() {
            return tunnels;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    daemon(() -> serve(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try {
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                while (true) {
                    List<String> head = readHead(in);
                    if (head.isEmpty()) {
                        client.close();
                        return;
                    }
                    String credentials = head.stream()
                            .filter(l -> l.regionMatches(true, 0, "Proxy-Authorization:", 0, 20))
                            .map(l -> l.substring(20).trim()).findFirst().orElse(null);
                    String[] requestLine = head.get(0).split(" ");
                    if (!requestLine[0].equals("CONNECT") || !expected.equals(credentials)) {
                        out.write(
                                ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                                        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        continue;
                    }
                    String[] target = requestLine[1].split(":");
                    Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
                    tunnels.add(requestLine[1]);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    daemon(() -> relay(upstream, client));
                    relay(client, upstream);
                    return;
                }
            } catch (IOException e) {
                // a side went away
            }
        }

        private static void relay(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException ignored) {
                // the tunnel is closed
            }
        }

        private static List<String> readHead(InputStream in) throws IOException {
            List<String> lines = new java.util.ArrayList<>();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    String text = line.toString().strip();
                    if (text.isEmpty()) {
                        return lines;
                    }
                    lines.add(text);
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
            return List.of();
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "tunnel-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
