package io.github.camellivedesk;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.LiveDeskSimulatorExtension;

/**
 * Runs each test's routes in a fresh CamelContext against the simulator, with the component configured like a user
 * would: credentials and base URL on the component, everything else on endpoint URIs and headers.
 */
abstract class LiveDeskTestSupport {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L, 142L)
            .build();

    private final AtomicInteger routes = new AtomicInteger();

    protected CamelContext context;
    protected ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        LiveDeskComponent component = new LiveDeskComponent();
        configure(component);
        context.addComponent("livedesk", component);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Credentials and base URL of the simulator; tests may change more. */
    protected void configure(LiveDeskComponent component) {
        pointAt(component, LIVEDESK.simulator());
    }

    /** Configures a component as a user would for this simulator: credentials and base URL on the component. */
    static LiveDeskComponent pointAt(LiveDeskComponent component, LiveDeskSimulator simulator) {
        component.getConfiguration().setApiKey(simulator.apiKey());
        component.getConfiguration().setApiSecret(simulator.apiSecret());
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        return component;
    }

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    protected LiveDeskSimulator simulator() {
        return LIVEDESK.simulator();
    }

    /**
     * Sends a message to conversation 141 with its 24-hour window closed, so LiveDesk stores it as failed, and
     * returns its id; the window stays closed.
     */
    protected long sendFailedMessage(String text) throws Exception {
        simulator().conversation(141L).closeWindow();
        Exchange failed = send("livedesk:send?conversationId=141&throwExceptionOnFailure=false", text);
        return failed.getMessage().getHeader(LiveDeskConstants.MESSAGE_ID, Long.class);
    }

    /** Adds a route {@code direct:testN -> uri} and returns its start endpoint. */
    protected String route(String uri) throws Exception {
        String start = "direct:test" + routes.incrementAndGet();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(start).to(uri);
            }
        });
        return start;
    }

    /** Sends through a new route to {@code uri} and returns the finished exchange (exception set on failure). */
    protected Exchange send(String uri, Object body) throws Exception {
        return send(uri, body, Map.of());
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) throws Exception {
        String start = route(uri);
        return template.request(start, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }
}
