package io.github.camellivedesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw HTTP/1.1 server on loopback that answers every request with what its {@link Answer} writes, byte by byte as
 * a hostile or broken server would: endless header lines, bodies longer than announced. It reads the request head
 * (and a {@code Content-Length} body) first, so the client has finished writing.
 */
final class HostileServer implements AutoCloseable {

    /** Writes the answer to one request; may write until the client hangs up (then the write throws). */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException;
    }

    private final ServerSocket socket;
    private final Answer answer;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hangUps = new AtomicInteger();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    HostileServer(Answer answer) throws IOException {
        this.answer = answer;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hostile-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** Requests whose head was read completely. */
    int requests() {
        return requests.get();
    }

    /** Answers cut short because the client closed the connection. */
    int hangUps() {
        return hangUps.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread handler = new Thread(() -> serve(connection), "hostile-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            long contentLength = readHead(in);
            if (contentLength < 0) {
                return;
            }
            in.readNBytes((int) contentLength);
            requests.incrementAndGet();
            OutputStream out = connection.getOutputStream();
            try {
                answer.write(out);
                out.flush();
            } catch (IOException hungUp) {
                hangUps.incrementAndGet();
                return;
            }
            // keep the connection open until the client closes it, as a server that is done would
            while (in.read() >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    /** Reads up to the empty line; returns the Content-Length (0 if none) or -1 at end of stream. */
    private static long readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                long length = 0;
                for (String line : head.toString().split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                return length;
            }
        }
        return -1;
    }

    /** Writes {@code text} as ASCII. */
    static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes {@code unit} again and again until the client hangs up or {@code maxBytes} are written. */
    static void repeat(OutputStream out, String unit, long maxBytes) throws IOException {
        byte[] chunk = unit.repeat(Math.max(1, 8192 / unit.length())).getBytes(StandardCharsets.US_ASCII);
        for (long written = 0; written < maxBytes; written += chunk.length) {
            out.write(chunk);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
