package io.github.camellivedesk.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.camel.ProducerTemplate;

import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * POST /orders with a JSON order: the order-update route sends the customer a LiveDesk template message.
 * RESTEasy Reactive runs this blocking method on a worker thread, so waiting for LiveDesk's answer is fine here.
 */
@Path("/orders")
public class OrderResource {

    @Inject
    ProducerTemplate producer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public OrderUpdateSent orderUpdated(Order order) {
        LiveDeskMessage message = producer.requestBody(OrderRoutes.ORDER_UPDATE, order, LiveDeskMessage.class);
        return new OrderUpdateSent(message.id(), message.status());
    }
}
