package io.github.camellivedesk;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

import io.github.camellivedesk.internal.LiveDeskCredentials;
import io.github.camellivedesk.simulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key and secret never show: not in logs at TRACE (Camel's, HttpClient's and ours), exception messages,
 * {@code toString()} or endpoint URIs as Camel prints them, whatever the outcome of the request.
 */
class SecretsTest extends LiveDeskTestSupport {

    /**
     * Camel core itself logs the raw text of an endpoint URI at TRACE while it resolves it, before any component
     * sees it; secrets written into a URI are therefore only safe from Camel's TRACE log when they are set on the
     * component, as the README recommends. These loggers are excluded only in {@link #credentialsInTheUri()}.
     */
    private static final Set<String> CAMEL_URI_RESOLUTION_LOGGERS = Set.of(
            "org.apache.camel.impl.engine.AbstractCamelContext", "org.apache.camel.support.EndpointHelper",
            "org.apache.camel.support.DefaultComponent");

    @Test
    void credentialsOnTheComponentAppearNowhereThroughTheFaultMatrix() throws Exception {
        List<String> printed = new ArrayList<>();
        List<String> logs;
        try (LogCapture capture = LogCapture.begin()) {
            List<Exchange> exchanges = faultMatrix("livedesk:send?conversationId=141&requestTimeout=500ms");
            exchanges.add(send("livedesk:retry?conversationId=141&messageId=12345", null));
            exchanges.add(send("livedesk:template?conversationId=141&templateLanguage=en", null));
            collect(exchanges, printed);
            logs = capture.lines();
            assertThat(logs.size()).as("TRACE output was captured").isGreaterThan(100);
        }
        assertClean(printed, logs);
    }

    @Test
    void credentialsInTheUri() throws Exception {
        String uri = "livedesk:send?conversationId=141&apiKey=" + LIVEDESK.apiKey() + "&apiSecret="
                + LIVEDESK.apiSecret() + "&requestTimeout=500ms";
        List<String> printed = new ArrayList<>();
        List<String> logs;
        try (LogCapture capture = LogCapture.begin()) {
            List<Exchange> exchanges = faultMatrix(uri);
            exchanges.add(send(uri.replace(LIVEDESK.apiSecret(), "wrong-" + LIVEDESK.apiSecret()), "unauthorised"));
            collect(exchanges, printed);
            logs = capture.lines().stream()
                    .filter(line -> CAMEL_URI_RESOLUTION_LOGGERS.stream().noneMatch(line::startsWith)).toList();
        }
        assertClean(printed, logs);
        assertThat(String.join("\n", printed)).contains("apiSecret=xxxxxx");
    }

    private List<Exchange> faultMatrix(String uri) throws Exception {
        List<Exchange> exchanges = new ArrayList<>();
        String start = route(uri);
        exchanges.add(template.request(start, e -> e.getMessage().setBody("ok")));
        for (Fault fault : List.of(Fault.status(503), Fault.status(401), Fault.rateLimit(Duration.ZERO),
                Fault.dropBeforeRead(), Fault.dropAfterProcessing(), Fault.malformedJson(), Fault.htmlErrorPage(502),
                Fault.latency(Duration.ofMinutes(2)))) {
            simulator().faults().inject(fault).forNext(1);
            exchanges.add(template.request(start, e -> e.getMessage().setBody("under " + fault)));
        }
        exchanges.add(template.request(start, e -> e.getMessage().setBody("")));
        return exchanges;
    }

    private void collect(List<Exchange> exchanges, List<String> printed) {
        assertThat(exchanges).extracting(Exchange::getException).filteredOn(e -> e != null)
                .hasSizeGreaterThanOrEqualTo(8);
        for (Exchange exchange : exchanges) {
            Throwable failure = exchange.getException();
            while (failure != null) {
                printed.add(failure.toString());
                failure = failure.getCause();
            }
        }
        for (Route route : context.getRoutes()) {
            printed.add(route.toString());
            printed.add(route.getEndpoint().toString());
            printed.add(String.valueOf(route.getConsumer()));
        }
        context.getEndpoints().forEach(endpoint -> printed.add(endpoint.toString()));
        context.getEndpoints().stream().filter(LiveDeskEndpoint.class::isInstance)
                .forEach(endpoint -> printed.add(((LiveDeskEndpoint) endpoint).getConfiguration().toString()));
        printed.add(context.getComponent("livedesk", LiveDeskComponent.class).getConfiguration().toString());
        printed.add(LiveDeskCredentials.of(LIVEDESK.apiKey(), LIVEDESK.apiSecret()).toString());
    }

    private static void assertClean(List<String> printed, List<String> logs) {
        String secret = LIVEDESK.apiSecret();
        String basic = Base64.getEncoder()
                .encodeToString((LIVEDESK.apiKey() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(secret).doesNotContain(basic));
        assertThat(logs).allSatisfy(line -> assertThat(line).doesNotContain(secret).doesNotContain(basic)
                .doesNotContain("apiKey=" + LIVEDESK.apiKey()));
    }
}
