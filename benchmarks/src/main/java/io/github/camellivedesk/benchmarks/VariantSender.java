package io.github.camellivedesk.benchmarks;

import java.util.concurrent.CompletableFuture;

/** Sends one message the way a variant does. Non-blocking variants return a future; the blocking one waits. */
interface VariantSender extends AutoCloseable {

    /** Whether messages are sent by caller threads that wait for each answer. */
    default boolean isBlocking() {
        return false;
    }

    /** Starts sending one message; the future tells whether LiveDesk accepted it. */
    default CompletableFuture<Boolean> send() throws Exception {
        throw new UnsupportedOperationException("blocking variant");
    }

    /** Sends one message and waits; throws when it failed. */
    default void sendBlocking() throws Exception {
        throw new UnsupportedOperationException("non-blocking variant");
    }

    static VariantSender create(Variant variant, Workload workload) throws Exception {
        return switch (variant) {
            case RAW_HTTPCLIENT -> new RawHttpClientSender(workload);
            case CAMEL_HTTP -> new CamelHttpSender(workload);
            case LIVEDESK_TEMPLATE -> new LiveDeskTemplateSender(workload, true);
            case LIVEDESK_TEMPLATE_POOLED -> new LiveDeskTemplateSender(workload, false);
            case LIVEDESK_SEDA -> new LiveDeskSedaSender(workload);
            case JDK_HTTPCLIENT -> new JdkHttpClientSender(workload);
            case CAMEL_VERTX_HTTP -> new CamelVertxHttpSender(workload);
        };
    }
}
