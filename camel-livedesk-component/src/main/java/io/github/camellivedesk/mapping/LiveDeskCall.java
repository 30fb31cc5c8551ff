package io.github.camellivedesk.mapping;

import java.util.concurrent.CompletableFuture;

import io.github.camellivedesk.client.LiveDeskClient;
import io.github.camellivedesk.model.LiveDeskMessage;

/** A validated request, ready to be sent with a client. */
@FunctionalInterface
public interface LiveDeskCall {

    /** Sends the request; returns at once. */
    CompletableFuture<LiveDeskMessage> sendWith(LiveDeskClient client);
}
