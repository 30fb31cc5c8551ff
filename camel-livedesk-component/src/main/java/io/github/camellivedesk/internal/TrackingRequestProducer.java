package io.github.camellivedesk.internal;

import java.io.IOException;

import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.RequestChannel;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Remembers whether the request head was handed to a connection. Until then a failure (refused, unknown host, no
 * pooled connection) proves LiveDesk never saw the request, which is what makes redelivery safe.
 */
final class TrackingRequestProducer extends BasicRequestProducer {

    private volatile boolean sent;

    TrackingRequestProducer(HttpRequest request, AsyncEntityProducer entity) {
        super(request, entity);
    }

    @Override
    public void sendRequest(RequestChannel channel, HttpContext context) throws HttpException, IOException {
        sent = true;
        super.sendRequest(channel, context);
    }

    boolean isSent() {
        return sent;
    }
}
