package io.github.camellivedesk.examples.quarkus;

import java.util.Map;

import org.apache.camel.builder.RouteBuilder;

import io.github.camellivedesk.error.LiveDeskException;

/**
 * The two routes of the example. Credentials and the base URL come from {@code camel.component.livedesk.*}: in dev
 * mode and tests Dev Services fill them with a simulator's, or the LIVEDESK_* variables with a real account's.
 */
public class OrderRoutes extends RouteBuilder {

    static final String ORDER_UPDATE = "direct:order-update";

    @Override
    public void configure() {
        // the caller (POST /orders) hears the failure and answers it (LiveDeskFailureMapper): logging it here too
        // would report every refused order twice
        onException(LiveDeskException.class).logExhausted(false);

        from(ORDER_UPDATE).routeId("order-update")
                .process(exchange -> {
                    Order order = exchange.getMessage().getBody(Order.class);
                    if (order.conversationId() != null) {
                        exchange.getMessage().setHeader("CamelLiveDeskConversationId", order.conversationId());
                    }
                    // a Map body is the template's body variables, {{1}}, {{2}} and {{3}} in order_update
                    exchange.getMessage()
                            .setBody(Map.of("1", order.customer(), "2", order.orderId(), "3", order.status()));
                })
                .to("livedesk:template?conversationId={{livedesk.conversation-id}}"
                        + "&templateName=order_update&templateLanguage=en_US&templateCategory=UTILITY");

        // every invoice dropped into the folder goes to the conversation as an attachment, streamed from disk;
        // it moves to .done once LiveDesk accepted it, to .failed otherwise
        from("file:{{invoices.folder}}?move=.done&moveFailed=.failed").routeId("invoices")
                .setHeader("CamelLiveDeskContent", simple("Invoice ${header.CamelFileName}"))
                .to("livedesk:send?conversationId={{livedesk.conversation-id}}");
    }
}
