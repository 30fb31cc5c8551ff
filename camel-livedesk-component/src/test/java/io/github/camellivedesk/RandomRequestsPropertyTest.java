package io.github.camellivedesk;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateLocation;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.simulator.LiveDeskSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random requests, valid and not: each is either accepted by the simulator (which checks what the real service
 * checks) or rejected by validation without a request; never an HTTP rejection validation should have caught, and
 * never an unexpected exception.
 */
class RandomRequestsPropertyTest {

    private static LiveDeskSimulator simulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeContainer
    static void start() throws Exception {
        simulator = LiveDeskSimulator.builder().conversations(141L).build().start();
        context = new DefaultCamelContext();
        LiveDeskComponent component = LiveDeskTestSupport.pointAt(new LiveDeskComponent(), simulator);
        context.addComponent("livedesk", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("livedesk:send?conversationId=141");
                from("direct:template").to("livedesk:template?conversationId=141");
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterContainer
    static void stop() {
        context.stop();
        simulator.close();
    }

    @BeforeTry
    void reset() {
        simulator.reset();
    }

    @Property(tries = 150)
    void textMessages(@ForAll("texts") String text) {
        check(template.request("direct:send", e -> e.getMessage().setBody(text)));
    }

    @Property(tries = 250)
    void templateMessages(@ForAll("templates") TemplateMessage message) {
        check(template.request("direct:template", e -> e.getMessage().setBody(message)));
    }

    private static void check(Exchange exchange) {
        Exception failure = exchange.getException();
        if (failure == null) {
            assertThat(simulator.requests()).singleElement()
                    .satisfies(request -> assertThat(request.responseStatus()).isEqualTo(200));
        } else {
            assertThat(failure).isInstanceOf(LiveDeskValidationException.class);
            assertThat(simulator.requestCount()).as("requests after a validation error").isZero();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(200),
                Arbitraries.strings().whitespace().ofMaxLength(5),
                Arbitraries.strings().alpha().ofMinLength(149_990).ofMaxLength(150_010));
    }

    @Provide
    Arbitrary<TemplateMessage> templates() {
        Arbitrary<String> maybeText = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""),
                Arbitraries.strings().ofMaxLength(20), Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> urls = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just("ftp://x/y"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(s -> "https://example.com/" + s));
        Arbitrary<Double> latitudes = Arbitraries.doubles().between(-120, 120);
        Arbitrary<Double> longitudes = Arbitraries.doubles().between(-200, 200);
        Arbitrary<TemplateHeader> headers = Arbitraries.oneOf(
                Arbitraries.just(null),
                maybeText.map(t -> t == null ? TemplateHeader.text(Map.of()) : TemplateHeader.text(t)),
                urls.map(TemplateHeader::image), urls.map(TemplateHeader::video),
                Combinators.combine(urls, maybeText).as(TemplateHeader::document),
                Combinators.combine(latitudes, longitudes).as((lat, lon) -> TemplateHeader.location(lat, lon, "n", "a")),
                Arbitraries.just(new TemplateHeader("location", null, null, null, new TemplateLocation(null, 1.0, null, null))),
                Arbitraries.of("audio", "TEXT", "", "sticker").map(type -> new TemplateHeader(type, null, null, null, null)));
        Arbitrary<TemplateButton> buttons = Combinators.combine(Arbitraries.integers().between(-2, 4),
                Arbitraries.of("url", "quick_reply", "call", ""), maybeText)
                .as((index, type, text) -> new TemplateButton(index, type, type.equals("url") ? text : null,
                        type.equals("quick_reply") ? text : null));
        Arbitrary<Map<String, String>> variables = Arbitraries.maps(Arbitraries.of("1", "2", "3", "name"),
                Arbitraries.strings().ofMaxLength(30)).ofMaxSize(3);
        return Combinators.combine(maybeText, maybeText, maybeText, variables, headers,
                        buttons.list().ofMaxSize(3))
                .as((name, language, content, body, header, buttonList) -> {
                    TemplateMessage.Builder builder = TemplateMessage.builder(name, language).content(content)
                            .bodyVariables(body).header(header);
                    List<TemplateButton> list = buttonList;
                    list.forEach(builder::button);
                    return builder.build();
                });
    }
}
