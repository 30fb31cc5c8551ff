package io.github.camellivedesk.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * nginx with one worker answering every request with the documented JSON: the fastest server this machine has,
 * for the scenario where the simulator's own work would be measured instead of the clients'.
 */
final class FixedAnswerServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private FixedAnswerServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts nginx if it is installed; null otherwise. */
    static FixedAnswerServer startIfAvailable() throws IOException, InterruptedException {
        Path nginx = Tools.find("nginx");
        if (nginx == null) {
            return null;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createTempDirectory("livedesk-nginx-");
        String answer = Workload.DOCUMENTED_ANSWER;
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log off;
                    keepalive_requests 10000000;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            default_type application/json;
                            return 200 '%3$s';
                        }
                    }
                }
                """.formatted(dir, port, answer));
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c",
                dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        for (int i = 0; i < 50; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return new FixedAnswerServer(process, port);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        throw new IOException("nginx did not start; see " + dir.resolve("stdout.log"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
