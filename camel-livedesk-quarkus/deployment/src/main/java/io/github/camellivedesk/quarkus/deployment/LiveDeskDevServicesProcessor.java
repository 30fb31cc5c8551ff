package io.github.camellivedesk.quarkus.deployment;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.github.camellivedesk.LiveDeskConfiguration;

/**
 * Dev Services for LiveDesk: in dev mode and tests, an application that has no LiveDesk base URL configured talks
 * to the LiveDesk simulator, started in this JVM on loopback, with no account and no configuration.
 * <p>
 * Quarkus owns the simulator's lifecycle: it starts it before the application, keeps it across live reloads and
 * continuous-testing runs while {@link SimulatorSettings} stay equal, and closes it with the application.
 */
class LiveDeskDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(LiveDeskDevServicesProcessor.class);

    static final String BASE_URL = "camel.component.livedesk.base-url";
    static final String API_KEY = "camel.component.livedesk.api-key";
    static final String API_SECRET = "camel.component.livedesk.api-secret";
    static final String WEBHOOK_SECRET = "camel.component.livedesk.webhook-secret";
    static final String EVENTS_PATH = "camel.component.livedesk.path";

    // one per JVM: a live reload compares settings and keeps the simulator only when they are equal
    private static final String GENERATED_WEBHOOK_SECRET = generatedSecret();

    @SuppressWarnings("removal") // highPriorityConfig: Quarkus 3.33 has no other way, see the comment where it is used
    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    void startSimulator(LiveDeskBuildTimeConfig config, LaunchModeBuildItem launchMode,
            BuildProducer<DevServicesResultBuildItem> devServices) {
        if (!config.devservices().enabled()) {
            LOG.debug("Not starting the LiveDesk simulator: quarkus.camel.livedesk.devservices.enabled is false");
            return;
        }
        Config appConfig = ConfigProvider.getConfig();
        if (appConfig.getOptionalValue(BASE_URL, String.class).isPresent()) {
            LOG.debugf("Not starting the LiveDesk simulator: %s is configured", BASE_URL);
            return;
        }
        // credentials the application already has are the ones the simulator accepts
        SimulatorSettings settings = new SimulatorSettings(
                config.devservices().port(),
                config.devservices().conversations().orElse(List.of()),
                appConfig.getOptionalValue(API_KEY, String.class),
                appConfig.getOptionalValue(API_SECRET, String.class),
                config.devservices().webhookUrl().isPresent()
                        ? config.devservices().webhookUrl().filter(url -> !url.equals("none"))
                        : webhookUrl(appConfig, launchMode.getLaunchMode()),
                appConfig.getOptionalValue(WEBHOOK_SECRET, String.class).orElse(GENERATED_WEBHOOK_SECRET));

        devServices.produce(DevServicesResultBuildItem.<SimulatorDevService>owned()
                .feature(LiveDeskProcessor.FEATURE)
                .description("LiveDesk simulator")
                .serviceConfig(settings)
                .startable(() -> new SimulatorDevService(settings))
                .configProvider(Map.<String, Function<SimulatorDevService, String>>of(
                        BASE_URL, SimulatorDevService::baseUrl,
                        API_KEY, SimulatorDevService::apiKey,
                        API_SECRET, SimulatorDevService::apiSecret,
                        // the secret the simulator signs with, so from("livedesk:events") verifies what it posts
                        WEBHOOK_SECRET, SimulatorDevService::webhookSecret))
                // Above application.properties: an app that maps its own variables, such as
                // base-url=${LIVEDESK_BASE_URL:}, has the key present but empty when they are unset, and an empty
                // value hides a lower one. Only reached when no base URL is set, so it never overrides a real one.
                .highPriorityConfig(Set.of(BASE_URL, API_KEY, API_SECRET, WEBHOOK_SECRET))
                .postStartHook(simulator -> LOG.infof(
                        "Dev Services for LiveDesk started the LiveDesk simulator at %s"
                                + " (watch the conversations live: %s; what it received: %s/__simulator/requests)%s",
                        simulator.baseUrl(), simulator.pageUrl(), simulator.baseUrl(),
                        settings.webhookUrl().map(url -> "; it posts webhook events to " + url).orElse("")))
                .build());
    }

    /**
     * Where the application's own HTTP server takes livedesk:events deliveries: its port in this launch mode and the
     * consumer's path. None when the port is chosen at random (0), which is known only once the application runs.
     */
    static Optional<String> webhookUrl(Config appConfig, LaunchMode mode) {
        int port = mode == LaunchMode.TEST
                ? appConfig.getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081)
                : appConfig.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        if (port <= 0) {
            LOG.debug("The LiveDesk simulator posts no webhook events: the application's HTTP port is random");
            return Optional.empty();
        }
        String path = appConfig.getOptionalValue(EVENTS_PATH, String.class)
                .orElseGet(() -> new LiveDeskConfiguration().getPath());
        return Optional.of("http://127.0.0.1:" + port + path);
    }

    private static String generatedSecret() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * What identifies a running simulator: an equal record on the next build (live reload, test run) reuses it.
     * The credentials are compared, never printed: {@code toString()} masks them.
     *
     * @param webhookUrl    where the simulator posts webhook events: the application's livedesk:events, if known
     * @param webhookSecret what it signs them with: the application's, else one generated for this JVM
     */
    record SimulatorSettings(OptionalInt port, List<Long> conversations, Optional<String> apiKey,
            Optional<String> apiSecret, Optional<String> webhookUrl, String webhookSecret) {

        @Override
        public String toString() {
            String credentials = apiKey.isPresent() || apiSecret.isPresent() ? "the application's" : "the simulator's";
            return "SimulatorSettings[port=" + port + ", conversations=" + conversations + ", credentials="
                    + credentials + ", webhookUrl=" + webhookUrl.orElse("none") + "]";
        }
    }
}
