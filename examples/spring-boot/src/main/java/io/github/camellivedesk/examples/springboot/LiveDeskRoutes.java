package io.github.camellivedesk.examples.springboot;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.github.camellivedesk.LiveDeskConstants;

/**
 * Two HTTP endpoints in front of LiveDesk:
 * <ul>
 * <li>{@code POST /api/conversations/{id}/messages} with a text body sends it to the conversation;</li>
 * <li>{@code POST /api/conversations/{id}/templates?name=...&language=...} with a text body sends the WhatsApp
 * template of that name, the body as its first variable.</li>
 * </ul>
 * Both answer with the LiveDesk message id and status. Credentials, base URL and timeouts are
 * {@code camel.component.livedesk.*} in application.yml, so the endpoint URIs carry none.
 */
@Component
public class LiveDeskRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/api/conversations/{id}/messages?httpMethodRestrict=POST").routeId("send-text")
                .setHeader(LiveDeskConstants.CONVERSATION_ID, header("id"))
                .convertBodyTo(String.class)
                .to("livedesk:send")
                .setBody(simple("${header." + LiveDeskConstants.MESSAGE_ID + "} ${header."
                        + LiveDeskConstants.MESSAGE_STATUS + "}"));

        from("platform-http:/api/conversations/{id}/templates?httpMethodRestrict=POST").routeId("send-template")
                .setHeader(LiveDeskConstants.CONVERSATION_ID, header("id"))
                .setHeader(LiveDeskConstants.TEMPLATE_NAME, header("name"))
                .setHeader(LiveDeskConstants.TEMPLATE_LANGUAGE, header("language"))
                .process(exchange -> exchange.getMessage()
                        .setBody(Map.of("1", exchange.getMessage().getBody(String.class))))
                .to("livedesk:template")
                .setBody(simple("${header." + LiveDeskConstants.MESSAGE_ID + "} ${header."
                        + LiveDeskConstants.MESSAGE_STATUS + "}"));
    }
}
