package io.github.camellivedesk.internal.platformhttp;

import java.io.IOException;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x side of {@link ServerRefusals}: a failure handler on the consumer's path of the platform-http router.
 * Vert.x calls it for failures raised on that path before or after the consumer's own handler, the body handler's
 * refusal among them, and logs at ERROR only the failures no such handler took. The camel-platform-http-vertx
 * dependency is provided: only loaded when that engine is the one in use.
 */
final class VertxServerRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(VertxServerRefusals.class);

    private VertxServerRefusals() {
    }

    /** The handle that removes the failure handler; null when the engine's router is not found. */
    static AutoCloseable answerQuietly(CamelContext camelContext, PlatformHttpEngine engine, String path) {
        // the router the engine's consumers register on, looked up as camel-platform-http-vertx's consumer does
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(camelContext,
                VertxPlatformHttpRouter.getRouterNameFromPort(((VertxPlatformHttpEngine) engine).getServerPort()));
        if (router == null) {
            router = VertxPlatformHttpRouter.lookup(camelContext,
                    VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO);
        }
        if (router == null) {
            return null;
        }
        Route route = router.route(path).failureHandler(VertxServerRefusals::refused);
        return route::remove;
    }

    private static void refused(RoutingContext context) {
        HttpServerResponse response = context.response();
        int status = context.statusCode();
        Throwable failure = context.failure();
        if (failure == null && status >= 400 && status < 500) {
            // a refusal by the server, before the consumer saw the request: 413 over camel.server.maxBodySize
            LOG.debug("The HTTP server refused a delivery on {}: {}", context.normalizedPath(), status);
            answer(response, status,
                    status == 413 ? "body larger than the HTTP server's limit" : "refused by the HTTP server");
        } else if (failure instanceof IOException || failure instanceof HttpClosedException || response.closed()) {
            // the sender hung up or reset the connection mid-body: its input, not a fault here; answered as the
            // consumer answers a body it cannot read, should the connection still take an answer
            LOG.debug("A delivery on {} could not be read: {}", context.normalizedPath(), String.valueOf(failure));
            answer(response, 400, "body could not be read");
        } else {
            // anything else is a fault, not hostile input: Vert.x reports it as it would without this handler
            context.next();
        }
    }

    private static void answer(HttpServerResponse response, int status, String reason) {
        if (!response.ended() && !response.closed()) {
            response.setStatusCode(status).putHeader("Content-Type", "text/plain; charset=utf-8").end(reason);
        }
    }
}
