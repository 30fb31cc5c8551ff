package io.github.camellivedesk.quarkus.deployment;

import io.quarkus.deployment.builditem.Startable;

import io.github.camellivedesk.quarkus.deployment.LiveDeskDevServicesProcessor.SimulatorSettings;
import io.github.camellivedesk.simulator.LiveDeskSimulator;

/**
 * The LiveDesk simulator as a Quarkus Dev Service: it runs in this JVM, so there is no container id.
 */
final class SimulatorDevService implements Startable {

    private final SimulatorSettings settings;
    private volatile LiveDeskSimulator simulator;

    SimulatorDevService(SimulatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        LiveDeskSimulator.Builder builder = LiveDeskSimulator.builder();
        settings.port().ifPresent(builder::port);
        if (settings.conversations().isEmpty()) {
            builder.autoCreateConversations(true);
        } else {
            builder.conversations(settings.conversations().stream().mapToLong(Long::longValue).toArray());
        }
        settings.apiKey().ifPresent(builder::apiKey);
        settings.apiSecret().ifPresent(builder::apiSecret);
        settings.webhookUrl().ifPresent(url -> builder.webhook(url, settings.webhookSecret()));
        simulator = builder.build().start();
    }

    String baseUrl() {
        return simulator.baseUrl();
    }

    String pageUrl() {
        return simulator.pageUrl();
    }

    String apiKey() {
        return simulator.apiKey();
    }

    String apiSecret() {
        return simulator.apiSecret();
    }

    String webhookSecret() {
        return settings.webhookSecret();
    }

    @Override
    public String getConnectionInfo() {
        return simulator == null ? "not started" : simulator.baseUrl();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        LiveDeskSimulator running = simulator;
        if (running != null) {
            running.close();
        }
    }
}
