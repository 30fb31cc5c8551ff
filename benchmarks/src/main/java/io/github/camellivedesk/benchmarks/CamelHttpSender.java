package io.github.camellivedesk.benchmarks;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * (b) What users wire by hand today: set the Authorization header, marshal the body to JSON, call an {@code http:}
 * endpoint, read the JSON answer; one blocking call per caller thread.
 */
final class CamelHttpSender implements VariantSender {

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Workload workload;

    CamelHttpSender(Workload workload) throws Exception {
        this.workload = workload;
        HttpComponent http = new HttpComponent();
        // a pool at least as large as the callers, so the comparison is about the threading model, not the pool
        http.setMaxTotalConnections(Math.max(200, workload.scenario().threads() * 2));
        http.setConnectionsPerRoute(Math.max(200, workload.scenario().threads() * 2));
        context.addComponent("http", http);
        String target = workload.messagesUrl() + "?httpMethod=POST";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:text")
                        .setHeader("Authorization", constant(workload.authorization()))
                        .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                        .marshal().json(JsonLibrary.Jackson)
                        .to(target)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
                from("direct:file")
                        .setHeader("Authorization", constant(workload.authorization()))
                        .to(target)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    @Override
    public boolean isBlocking() {
        return true;
    }

    @Override
    public void sendBlocking() {
        if (workload.attachment() != null) {
            template.requestBody("direct:file", MultipartEntityBuilder.create()
                    .addTextBody("content", "attachment", ContentType.TEXT_PLAIN)
                    .addBinaryBody("attachments[]", workload.attachment().toFile(),
                            ContentType.APPLICATION_OCTET_STREAM,
                            workload.attachment().getFileName().toString())
                    .build());
        } else {
            template.requestBody("direct:text", Map.of("content", Workload.CONTENT, "private", false));
        }
    }

    @Override
    public void close() {
        context.stop();
    }
}
