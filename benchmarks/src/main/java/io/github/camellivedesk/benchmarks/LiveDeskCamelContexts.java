package io.github.camellivedesk.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

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
        return context;
    }

    static Object body(Workload workload) {
        return workload.attachment() != null ? workload.attachment().toFile() : Workload.CONTENT;
    }
}
