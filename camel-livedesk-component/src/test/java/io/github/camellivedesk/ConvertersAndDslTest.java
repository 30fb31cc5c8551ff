package io.github.camellivedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.camellivedesk.model.LiveDeskMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated type converters and the YAML DSL: the models work without Java code around them. */
class ConvertersAndDslTest extends LiveDeskTestSupport {

    @Test
    void answerConvertsToJsonAndMap() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:json").to("livedesk:send?conversationId=141").convertBodyTo(String.class);
                from("direct:map").to("livedesk:send?conversationId=141").convertBodyTo(Map.class);
            }
        });

        String json = template.requestBody("direct:json", "as json", String.class);
        Map<?, ?> map = template.requestBody("direct:map", "as map", Map.class);

        assertThat(json).contains("\"content\":\"as json\"").contains("\"conversation_id\":141")
                .contains("\"status\":\"sent\"");
        assertThat(map.get("content")).isEqualTo("as map");
        assertThat(map.get("conversation_id")).isEqualTo(141L);
        LiveDeskMessage parsed = context.getTypeConverter().convertTo(LiveDeskMessage.class, json);
        assertThat(parsed.content()).isEqualTo("as json");
    }

    @Test
    void unknownResponseFieldsAreTolerated() {
        LiveDeskMessage message = context.getTypeConverter().convertTo(LiveDeskMessage.class,
                "{\"id\":1,\"status\":\"sent\",\"brand_new_field\":{\"x\":1},"
                        + "\"content_attributes\":{\"in_reply_to\":5,\"channel_specific\":\"kept\"}}");

        assertThat(message.id()).isEqualTo(1L);
        assertThat(message.contentAttributes().inReplyTo()).isEqualTo(5L);
        assertThat(message.contentAttributes().other()).containsEntry("channel_specific", "kept");
    }

    @Test
    void yamlRouteSendsTextAndTemplate(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("routes.yaml");
        Files.writeString(yaml, """
                - route:
                    from:
                      uri: direct:yaml-text
                      steps:
                        - to:
                            uri: livedesk:send
                            parameters:
                              conversationId: 141
                              privateMessage: true
                - route:
                    from:
                      uri: direct:yaml-template
                      steps:
                        - setHeader:
                            name: CamelLiveDeskTemplateName
                            constant: order_update
                        - to:
                            uri: livedesk:template
                            parameters:
                              conversationId: 141
                              templateLanguage: en_US
                """);
        Resource resource = ResourceHelper.resolveMandatoryResource(context, "file:" + yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);

        Exchange text = template.request("direct:yaml-text", e -> e.getMessage().setBody("from yaml"));
        Exchange tpl = template.request("direct:yaml-template", e -> e.getMessage().setBody(Map.of("1", "Ana")));

        assertThat(text.getException()).isNull();
        assertThat(tpl.getException()).isNull();
        assertThat(simulator().conversation(141L).messages()).hasSize(2);
        assertThat(simulator().conversation(141L).messages().get(0).privateMessage()).isTrue();
        assertThat(simulator().conversation(141L).messages().get(1).templateParams())
                .containsEntry("name", "order_update").containsEntry("processed_params", Map.of("1", "Ana"));
    }
}
