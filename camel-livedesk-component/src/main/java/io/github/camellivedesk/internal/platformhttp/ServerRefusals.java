package io.github.camellivedesk.internal.platformhttp;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries the HTTP server refuses before the consumer runs (a body over the server's own limit, a sender that
 * hangs up mid-body) are answered without an ERROR in the application's log, whatever platform-http engine serves
 * them. Only Vert.x needs anything: its router logs each failure no handler took as "Unhandled exception in router" at
 * ERROR, and its body handler fails a request over the server's limit (camel.server.maxBodySize, which the component
 * documentation asks users to set) without a handler. Other engines answer these requests themselves.
 * <p>
 * This class names no Vert.x type, so it loads without Vert.x; {@link VertxServerRefusals} is touched only once the
 * engine in use is Vert.x's.
 */
public final class ServerRefusals {

    private static final Logger LOG = LoggerFactory.getLogger(ServerRefusals.class);
    private static final String VERTX_ENGINE = "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpEngine";
    private static final AutoCloseable NOTHING = () -> {
    };

    private ServerRefusals() {
    }

    /**
     * Answers the server's refusals on {@code path} of the started {@code endpoint}'s engine quietly, until the
     * returned handle is closed; a no-op on engines that need nothing.
     */
    public static AutoCloseable answerQuietly(PlatformHttpEndpoint endpoint, String path) {
        PlatformHttpEngine engine = engine(endpoint);
        if (engine == null || !isVertx(engine)) {
            return NOTHING;
        }
        CamelContext camelContext = endpoint.getCamelContext();
        AutoCloseable handle = VertxServerRefusals.answerQuietly(camelContext, engine, path);
        if (handle == null) {
            LOG.debug("No Vert.x router found for {}: the server's refusals on it are answered by Vert.x", path);
            return NOTHING;
        }
        return handle;
    }

    private static PlatformHttpEngine engine(PlatformHttpEndpoint endpoint) {
        if (endpoint.getPlatformHttpEngine() != null) {
            return endpoint.getPlatformHttpEngine();
        }
        PlatformHttpComponent component = endpoint.getComponent();
        return component == null ? null : component.getEngine();
    }

    /** By its class, loaded from the engine's own class loader, so no Vert.x class is loaded for another engine. */
    private static boolean isVertx(PlatformHttpEngine engine) {
        for (Class<?> type = engine.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(VERTX_ENGINE)) {
                // the engine's Vert.x classes must be the ones VertxServerRefusals links against
                return type == vertxEngineClass();
            }
        }
        return false;
    }

    private static Class<?> vertxEngineClass() {
        try {
            return Class.forName(VERTX_ENGINE, false, ServerRefusals.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
