package io.github.camellivedesk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.camellivedesk.model.LiveDeskMessage;
import io.github.camellivedesk.model.TemplateButton;
import io.github.camellivedesk.model.TemplateFooter;
import io.github.camellivedesk.model.TemplateHeader;
import io.github.camellivedesk.model.TemplateMessage;
import io.github.camellivedesk.simulator.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateOperationTest extends LiveDeskTestSupport {

    @Test
    void fullTemplateFromTheBuilder() throws Exception {
        TemplateMessage message = TemplateMessage.builder("order_update", "en_US")
                .content("Display text for chat UI")
                .namespace("optional_namespace")
                .category("MARKETING")
                .bodyVariable("1", "John").bodyVariable("2", "shipped")
                .header(TemplateHeader.text("Order #456"))
                .footer(new TemplateFooter(Map.of("1", "Acme Corp")))
                .urlButton(0, "track/12345")
                .quickReplyButton(1, "OPT_OUT")
                .build();

        Exchange exchange = send("livedesk:template?conversationId=141", message);

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("Display text for chat UI");
        Map<String, Object> params = stored.templateParams();
        assertThat(params).containsEntry("name", "order_update").containsEntry("language", "en_US")
                .containsEntry("namespace", "optional_namespace").containsEntry("category", "MARKETING")
                .containsEntry("processed_params", Map.of("1", "John", "2", "shipped"))
                .containsEntry("header_params", Map.of("type", "text", "text_variables", Map.of("1", "Order #456")))
                .containsEntry("footer_params", Map.of("text_variables", Map.of("1", "Acme Corp")));
        assertThat((List<Object>) params.get("button_params")).containsExactly(
                Map.of("index", 0, "sub_type", "url", "text", "track/12345"),
                Map.of("index", 1, "sub_type", "quick_reply", "payload", "OPT_OUT"));
        assertThat(simulator().requests().get(0).jsonBody()).contains("\"message_type\":\"outgoing\"");

        LiveDeskMessage answer = exchange.getMessage().getBody(LiveDeskMessage.class);
        assertThat(answer.messageType()).isEqualTo(1);
        assertThat(answer.status()).isEqualTo("sent");
        assertThat(answer.additionalAttributes().templateParams().name()).isEqualTo("order_update");
        assertThat(answer.additionalAttributes().templateParams().language()).isEqualTo("en_US");
        assertThat(answer.additionalAttributes().templateParams().category()).isEqualTo("MARKETING");
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(TemplateHeader.image("https://example.com/image.jpg"),
                        Map.of("type", "image", "media_url", "https://example.com/image.jpg")),
                Arguments.of(TemplateHeader.video("https://example.com/video.mp4"),
                        Map.of("type", "video", "media_url", "https://example.com/video.mp4")),
                Arguments.of(TemplateHeader.document("https://example.com/invoice.pdf", "invoice.pdf"),
                        Map.of("type", "document", "media_url", "https://example.com/invoice.pdf", "filename",
                                "invoice.pdf")),
                Arguments.of(TemplateHeader.location(37.7749, -122.4194, "Acme HQ", "123 Main St, San Francisco"),
                        Map.of("type", "location", "location", Map.of("latitude", 37.7749, "longitude", -122.4194,
                                "name", "Acme HQ", "address", "123 Main St, San Francisco"))));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void everyHeaderType(TemplateHeader header, Map<String, Object> expected) throws Exception {
        Exchange exchange = send("livedesk:template?conversationId=141&templateName=invoice&templateLanguage=en_US",
                TemplateMessage.builder().header(header).build());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().conversation(141L).messages().get(0).templateParams().get("header_params"))
                .isEqualTo(expected);
    }

    @Test
    void mapBodyGivesBodyVariablesAndOptionsGiveNameAndLanguage() throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("1", "John");
        variables.put("2", 42);

        Exchange exchange = send("livedesk:template?conversationId=141&templateName=order_update&templateLanguage=en_US"
                + "&templateNamespace=ns&templateCategory=UTILITY", variables);

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.templateParams()).containsEntry("name", "order_update").containsEntry("language", "en_US")
                .containsEntry("namespace", "ns").containsEntry("category", "UTILITY")
                .containsEntry("processed_params", Map.of("1", "John", "2", "42"));
        // the API requires content: without a body text or header the template name is shown in the chat UI
        assertThat(stored.content()).isEqualTo("order_update");
    }

    @Test
    void headersOverrideTemplateOptions() throws Exception {
        Exchange exchange = send("livedesk:template?conversationId=141&templateName=a&templateLanguage=en_US",
                Map.of("1", "x"),
                Map.of(LiveDeskConstants.TEMPLATE_NAME, "b", LiveDeskConstants.TEMPLATE_LANGUAGE, "pt_BR",
                        LiveDeskConstants.CONTENT, "shown text"));

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.templateParams()).containsEntry("name", "b").containsEntry("language", "pt_BR");
        assertThat(stored.content()).isEqualTo("shown text");
    }

    @Test
    void jsonStringBody() throws Exception {
        String json = """
                {"content":"Display text","message_type":"outgoing","template_params":{"name":"order_update",
                 "language":"en_US","processed_params":{"1":"John"},
                 "button_params":[{"index":0,"sub_type":"url","text":"track/1"}]}}
                """;

        Exchange exchange = send("livedesk:template?conversationId=141", json);

        assertThat(exchange.getException()).isNull();
        StoredMessage stored = simulator().conversation(141L).messages().get(0);
        assertThat(stored.content()).isEqualTo("Display text");
        assertThat(stored.templateParams()).containsEntry("processed_params", Map.of("1", "John"));
    }

    @Test
    void jsonStringOfTemplateParamsOnly() throws Exception {
        Exchange exchange = send("livedesk:template?conversationId=141",
                "{\"name\":\"welcome\",\"language\":\"en_US\",\"processed_params\":{\"name\":\"Ana\"}}");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator().conversation(141L).messages().get(0).templateParams())
                .containsEntry("name", "welcome").containsEntry("processed_params", Map.of("name", "Ana"));
    }

    @Test
    void templatesGoThroughWhenTheCustomerServiceWindowIsClosed() throws Exception {
        simulator().conversation(141L).closeWindow();

        Exchange exchange = send("livedesk:template?conversationId=141&templateName=reengage&templateLanguage=en_US",
                null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(LiveDeskConstants.MESSAGE_STATUS)).isEqualTo("sent");
    }

    @Test
    void buttonsByFactory() throws Exception {
        Exchange exchange = send("livedesk:template?conversationId=141",
                TemplateMessage.builder("t", "en").button(TemplateButton.quickReply(2, "YES")).build());

        assertThat(exchange.getException()).isNull();
        assertThat(
                (List<Object>) simulator().conversation(141L).messages().get(0).templateParams().get("button_params"))
                .containsExactly(Map.of("index", 2, "sub_type", "quick_reply", "payload", "YES"));
    }
}
