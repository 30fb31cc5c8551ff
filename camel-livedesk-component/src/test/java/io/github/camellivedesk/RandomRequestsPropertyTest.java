package io.github.camellivedesk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
 * <p>
 * The generator is seeded: a failure names its seed and try, and {@code -Dlivedesk.random.seed=<seed>} replays the same
 * requests.
 */
class RandomRequestsPropertyTest {

    private static final String SEED_PROPERTY = "livedesk.random.seed";
    private static final long SEED = Long.getLong(SEED_PROPERTY, System.nanoTime());

    private static LiveDeskSimulator simulator;
    private static CamelContext context;
    private static ProducerTemplate template;

    @BeforeAll
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

    @AfterAll
    static void stop() {
        context.stop();
        simulator.close();
    }

    @Test
    void textMessages() {
        forEachTry(150, RandomRequestsPropertyTest::text,
                text -> template.request("direct:send", e -> e.getMessage().setBody(text)));
    }

    @Test
    void templateMessages() {
        forEachTry(250, RandomRequestsPropertyTest::templateMessage,
                message -> template.request("direct:template", e -> e.getMessage().setBody(message)));
    }

    private static <T> void forEachTry(int tries, Function<Random, T> generator, Function<T, Exchange> send) {
        // one generator per test, so each test replays on its own whatever the order tests run in
        Random random = new Random(SEED);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            simulator.reset();
            Exchange exchange = send.apply(input);
            String replay = "try " + i + " of seed " + SEED + " (replay with -D" + SEED_PROPERTY + "=" + SEED + ")";
            Exception failure = exchange.getException();
            if (failure == null) {
                assertThat(simulator.requests()).as(replay).singleElement()
                        .satisfies(request -> assertThat(request.responseStatus()).as(replay).isEqualTo(200));
            } else {
                assertThat(failure).as(replay).isInstanceOf(LiveDeskValidationException.class);
                assertThat(simulator.requestCount()).as("requests after a validation error, " + replay).isZero();
            }
        }
    }

    private static String text(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> chars(random, random.nextInt(301), ' ', '~');
            case 1 -> chars(random, random.nextInt(201), '\u0000', '\uffff');
            case 2 -> chars(random, random.nextInt(6), " \t\n\r\u000b\f".toCharArray());
            default -> chars(random, 149_990 + random.nextInt(21), 'a', 'z');
        };
    }

    private static TemplateMessage templateMessage(Random random) {
        TemplateMessage.Builder builder = TemplateMessage.builder(maybeText(random), maybeText(random))
                .content(maybeText(random)).bodyVariables(variables(random)).header(header(random));
        for (int i = random.nextInt(4); i > 0; i--) {
            builder.button(button(random));
        }
        return builder.build();
    }

    private static String maybeText(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> chars(random, random.nextInt(21), '\u0000', '\uffff');
            default -> chars(random, 1 + random.nextInt(12), 'a', 'z');
        };
    }

    private static String url(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> "ftp://x/y";
            default -> "https://example.com/" + chars(random, 1 + random.nextInt(10), 'a', 'z');
        };
    }

    private static TemplateHeader header(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> {
                String text = maybeText(random);
                yield text == null ? TemplateHeader.text(Map.of()) : TemplateHeader.text(text);
            }
            case 2 -> TemplateHeader.image(url(random));
            case 3 -> TemplateHeader.video(url(random));
            case 4 -> TemplateHeader.document(url(random), maybeText(random));
            case 5 -> TemplateHeader.location(between(random, -120, 120), between(random, -200, 200), "n", "a");
            case 6 -> new TemplateHeader("location", null, null, null, new TemplateLocation(null, 1.0, null, null));
            default -> new TemplateHeader(pick(random, "audio", "TEXT", "", "sticker"), null, null, null, null);
        };
    }

    private static TemplateButton button(Random random) {
        int index = random.nextInt(7) - 2;
        String type = pick(random, "url", "quick_reply", "call", "");
        String text = maybeText(random);
        return new TemplateButton(index, type, type.equals("url") ? text : null,
                type.equals("quick_reply") ? text : null);
    }

    private static Map<String, String> variables(Random random) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            variables.put(pick(random, "1", "2", "3", "name"), chars(random, random.nextInt(31), '\u0000', '\uffff'));
        }
        return variables;
    }

    private static double between(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String chars(Random random, int length, char low, char high) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (low + random.nextInt(high - low + 1)));
        }
        return text.toString();
    }

    private static String chars(Random random, int length, char[] alphabet) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
