package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;

/** (a) Apache HttpClient 5 async, called directly with a prebuilt JSON body; the answer is not parsed. */
final class RawHttpClientSender implements VariantSender {

    private final Workload workload;
    private final CloseableHttpAsyncClient client;

    RawHttpClientSender(Workload workload) {
        if (workload.attachment() != null) {
            throw new IllegalArgumentException("the raw client variant sends text messages only");
        }
        this.workload = workload;
        int connections = workload.scenario().inFlight();
        client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections).setMaxConnPerRoute(connections).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .disableAutomaticRetries()
                .build();
        client.start();
    }

    @Override
    public CompletableFuture<Boolean> send() {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        client.execute(SimpleRequestProducer.create(SimpleRequestBuilder.post(workload.messagesUrl())
                .setHeader("Authorization", workload.authorization())
                .setBody(Workload.TEXT_JSON, ContentType.APPLICATION_JSON).build()),
                SimpleResponseConsumer.create(), new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse response) {
                        result.complete(response.getCode() == 200);
                    }

                    @Override
                    public void failed(Exception e) {
                        result.complete(false);
                    }

                    @Override
                    public void cancelled() {
                        result.complete(false);
                    }
                });
        return result;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
