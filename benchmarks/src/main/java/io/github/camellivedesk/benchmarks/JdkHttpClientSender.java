package io.github.camellivedesk.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/** (e) The JDK's HttpClient with its default executor, configured as camel-whatsapp and camel-telegram do. */
final class JdkHttpClientSender implements VariantSender {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;

    JdkHttpClientSender(Workload workload) {
        if (workload.attachment() != null) {
            throw new IllegalArgumentException("the JDK client variant sends text messages only");
        }
        request = HttpRequest.newBuilder(URI.create(workload.messagesUrl()))
                .header("Authorization", workload.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Workload.TEXT_JSON))
                .build();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> r.statusCode() == 200);
    }

    @Override
    public void close() {
        // the JDK 17 client has no close(); its threads are daemons
    }
}
