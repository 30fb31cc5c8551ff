package io.github.camellivedesk.quarkus;

import java.util.function.Supplier;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Hands Quarkus's own HTTP router to Camel's platform-http, so that {@code from("livedesk:events")} listens on the
 * application's HTTP port (dev mode, tests, TLS and all), with no server of its own.
 */
@Recorder
public class PlatformHttpRecorder {

    /** The router platform-http's Vert.x engine finds in Camel's registry, on Quarkus's router. */
    public RuntimeValue<VertxPlatformHttpRouter> platformHttpRouter(Supplier<Vertx> vertx,
            RuntimeValue<Router> router) {
        // no VertxPlatformHttpServer: Quarkus owns the server
        return new RuntimeValue<>(new VertxPlatformHttpRouter(null, vertx.get(), router.getValue(),
                VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME));
    }
}
