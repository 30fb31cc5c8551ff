package io.github.camellivedesk.internal;

import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Marks on each request's context whether a connection took the request, so a failure can say truthfully whether
 * bytes may have left: until the connection (TCP, TLS with its certificate and host-name checks, the proxy tunnel)
 * is established, nothing was written; waiting for a pooled connection, a refused TLS peer or a reactor shutting down
 * prove LiveDesk never saw it. A client built elsewhere (the {@code httpClient} option) carries no marks; then the
 * caller's more cautious answer stands.
 */
final class RequestProgress {

    private static final String TRACKED = "io.github.camellivedesk.request.tracked";
    private static final String ON_CONNECTION = "io.github.camellivedesk.request.onConnection";

    private RequestProgress() {
    }

    static void install(HttpAsyncClientBuilder builder) {
        builder.addExecInterceptorFirst("livedesk-request-tracked", (request, entity, scope, chain, callback) -> {
            scope.clientContext.setAttribute(TRACKED, Boolean.TRUE);
            chain.proceed(request, entity, scope, callback);
        });
        // the last step before the request is written to an established connection
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "livedesk-request-on-connection",
                (request, entity, scope, chain, callback) -> {
                    scope.clientContext.setAttribute(ON_CONNECTION, Boolean.TRUE);
                    chain.proceed(request, entity, scope, callback);
                });
    }

    /**
     * Whether bytes of the request may have left.
     *
     * @param context          the request's context
     * @param handedToClient   whether the client took the request at all, the answer for a client without marks
     */
    static boolean mayHaveLeft(HttpContext context, boolean handedToClient) {
        if (context.getAttribute(TRACKED) == null) {
            return handedToClient;
        }
        return context.getAttribute(ON_CONNECTION) != null;
    }
}
