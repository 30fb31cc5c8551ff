package io.github.camellivedesk.simulator;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateApiTest {

    @RegisterExtension
    static final LiveDeskSimulatorExtension LIVEDESK = LiveDeskSimulatorExtension.builder().conversations(141L).build();

    private static final String DOCUMENTED = """
            {"content":"Display text for chat UI","message_type":"outgoing","template_params":{"name":"order_update",
             "namespace":"optional_namespace","language":"en_US","category":"MARKETING",
             "processed_params":{"1":"John","2":"shipped"},
             "header_params":{"type":"text","text_variables":{"1":"Order #456"}},
             "footer_params":{"text_variables":{"1":"Acme Corp"}},
             "button_params":[{"index":0,"sub_type":"url","text":"track/12345"},{"index":1,"sub_type":"quick_reply","payload":"OPT_OUT"}]}}
            """;

    @Test
    void documentedTemplateIsSentAndEchoedInAdditionalAttributes() throws Exception {
        HttpResponse<String> response = new Api(LIVEDESK.simulator()).postJson(Api.messagesPath(141), DOCUMENTED);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> json = Api.json(response);
        assertThat(json).containsEntry("message_type", 1).containsEntry("status", "sent")
                .containsEntry("content", "Display text for chat UI");
        Map<String, Object> params = (Map<String, Object>) ((Map<String, Object>) json.get("additional_attributes"))
                .get("template_params");
        assertThat(params).containsEntry("name", "order_update").containsEntry("language", "en_US")
                .containsEntry("category", "MARKETING");
        StoredMessage stored = LIVEDESK.simulator().conversation(141L).messages().get(0);
        assertThat(stored.isTemplate()).isTrue();
        assertThat(stored.templateParams()).containsEntry("processed_params", Map.of("1", "John", "2", "shipped"));
    }

    @Test
    void templateWithoutContentShowsItsName() throws Exception {
        HttpResponse<String> response = new Api(LIVEDESK.simulator()).postJson(Api.messagesPath(141),
                "{\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"welcome\",\"language\":\"en\"}}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response)).containsEntry("content", "welcome");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{\"message_type\":\"incoming\",\"template_params\":{\"name\":\"t\",\"language\":\"en\"}}",
                        "message_type"),
                Arguments.of("{\"message_type\":1,\"template_params\":{\"name\":\"t\",\"language\":\"en\"}}",
                        "message_type"),
                Arguments.of("{\"message_type\":\"outgoing\",\"template_params\":{\"language\":\"en\"}}",
                        "template_params.name"),
                Arguments.of("{\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"t\"}}",
                        "template_params.language"),
                Arguments.of(template("\"header_params\":{\"type\":\"sticker\"}"),
                        "template_params.header_params.type"),
                Arguments.of(template("\"header_params\":{\"type\":\"image\"}"),
                        "template_params.header_params.media_url"),
                Arguments.of(template("\"header_params\":{\"type\":\"video\",\"media_url\":\"\"}"),
                        "template_params.header_params.media_url"),
                Arguments.of(template("\"header_params\":{\"type\":\"document\",\"media_url\":\"ftp://x\"}"),
                        "template_params.header_params.media_url"),
                Arguments.of(template("\"header_params\":{\"type\":\"location\"}"),
                        "template_params.header_params.location"),
                Arguments.of(template(
                        "\"header_params\":{\"type\":\"location\",\"location\":{\"latitude\":91,\"longitude\":0}}"),
                        "template_params.header_params.location.latitude"),
                Arguments.of(template(
                        "\"header_params\":{\"type\":\"location\",\"location\":{\"latitude\":0,\"longitude\":-181}}"),
                        "template_params.header_params.location.longitude"),
                Arguments.of(template("\"button_params\":[{\"index\":-1,\"sub_type\":\"url\",\"text\":\"x\"}]"),
                        "template_params.button_params[0].index"),
                Arguments.of(template(
                        "\"button_params\":[{\"index\":0,\"sub_type\":\"url\",\"text\":\"x\"},{\"index\":0,\"sub_type\":\"url\",\"text\":\"y\"}]"),
                        "template_params.button_params[1].index"),
                Arguments.of(template("\"button_params\":[{\"index\":0,\"sub_type\":\"url\"}]"),
                        "template_params.button_params[0].text"),
                Arguments.of(template("\"button_params\":[{\"index\":0,\"sub_type\":\"quick_reply\"}]"),
                        "template_params.button_params[0].payload"),
                Arguments.of(template("\"button_params\":[{\"index\":0,\"sub_type\":\"call\"}]"),
                        "template_params.button_params[0].sub_type"));
    }

    private static String template(String extra) {
        return "{\"message_type\":\"outgoing\",\"template_params\":{\"name\":\"t\",\"language\":\"en\"," + extra + "}}";
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void eachRuleRejectsWith422NamingTheField(String body, String field) throws Exception {
        HttpResponse<String> response = new Api(LIVEDESK.simulator()).postJson(Api.messagesPath(141), body);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(Api.json(response)).containsEntry("attributes", List.of(field));
        assertThat(LIVEDESK.simulator().messages()).isEmpty();
    }

    @Test
    void everyHeaderTypeWithItsFieldsIsAccepted() throws Exception {
        Api api = new Api(LIVEDESK.simulator());
        for (String header : List.of("{\"type\":\"text\",\"text_variables\":{\"1\":\"x\"}}",
                "{\"type\":\"image\",\"media_url\":\"https://example.com/i.jpg\"}",
                "{\"type\":\"video\",\"media_url\":\"https://example.com/v.mp4\"}",
                "{\"type\":\"document\",\"media_url\":\"https://example.com/d.pdf\",\"filename\":\"d.pdf\"}",
                "{\"type\":\"location\",\"location\":{\"latitude\":37.7749,\"longitude\":-122.4194,\"name\":\"HQ\",\"address\":\"Main St\"}}")) {
            assertThat(api.postJson(Api.messagesPath(141), template("\"header_params\":" + header)).statusCode())
                    .as(header).isEqualTo(200);
        }
        assertThat(LIVEDESK.simulator().messages()).hasSize(5);
    }
}
