package io.github.camellivedesk.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.vertx.core.deployment.CoreVertxBuildItem;
import io.quarkus.vertx.http.deployment.VertxWebRouterBuildItem;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.quarkus.core.deployment.spi.CamelRuntimeBeanBuildItem;

import io.github.camellivedesk.quarkus.PlatformHttpRecorder;

/**
 * Serves {@code from("livedesk:events")} on Quarkus's HTTP server: Camel's platform-http with its Vert.x engine, on
 * the router Quarkus runs. Camel Quarkus has an extension for this (camel-quarkus-platform-http); this one does the
 * same two things for the LiveDesk consumer, so an application needs nothing but this extension.
 */
class PlatformHttpProcessor {

    @BuildStep
    List<IndexDependencyBuildItem> indexPlatformHttp() {
        // their service files (the platform-http component, its Vert.x engine, type converters) are found only in
        // indexed jars, which these two are not
        return List.of(new IndexDependencyBuildItem("org.apache.camel", "camel-platform-http"),
                new IndexDependencyBuildItem("org.apache.camel", "camel-platform-http-vertx"));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    CamelRuntimeBeanBuildItem platformHttpRouter(PlatformHttpRecorder recorder, CoreVertxBuildItem vertx,
            VertxWebRouterBuildItem router) {
        // the engine's consumers look the router up by this name when no server of Camel's own names another
        return new CamelRuntimeBeanBuildItem(VertxPlatformHttpRouter.PLATFORM_HTTP_ROUTER_NAME_ZERO,
                VertxPlatformHttpRouter.class.getName(),
                recorder.platformHttpRouter(vertx.getVertx(), router.getHttpRouter()));
    }
}
