package io.github.camellivedesk.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

import io.github.camellivedesk.LiveDeskComponent;

/** A CamelContext with the livedesk component configured for a workload, as the (c) and (d) variants share it. */
final class LiveDeskCamelContexts {

    private LiveDeskCamelContexts() {
    }

    static CamelContext create(Workload workload) {
        CamelContext context = new DefaultCamelContext();
        LiveDeskComponent livedesk = new LiveDeskComponent();
        livedesk.getConfiguration().setBaseUrl(workload.baseUrl());
        livedesk.getConfiguration().setApiKey(workload.apiKey());
        livedesk.getConfiguration().setApiSecret(workload.apiSecret());
        livedesk.getConfiguration().setConversationId("141");
        livedesk.getConfiguration().setMaxAttachmentSize(Math.max(workload.scenario().attachmentSize() + 1, 1));
        livedesk.setMaxConnections(Math.max(workload.scenario().inFlight(), workload.scenario().threads()));
        context.addComponent("livedesk", livedesk);
        // by the component's generated configurer, as camel-main binds camel.component.livedesk.*; an option the
        // component does not have fails here, not silently
        PropertyBindingSupport.build().withMandatory(true).withConfigurer(livedesk.getComponentPropertyConfigurer())
                .bind(context, livedesk, options(workload.livedeskOptions()));
        return context;
    }

    /** {@code a=1&b=2} as a map, in order. */
    static Map<String, Object> options(String options) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String pair : options.split("&")) {
            if (!pair.isBlank()) {
                int equals = pair.indexOf('=');
                map.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return map;
    }

    static Object body(Workload workload) {
        return workload.attachment() != null ? workload.attachment().toFile() : Workload.CONTENT;
    }
}
