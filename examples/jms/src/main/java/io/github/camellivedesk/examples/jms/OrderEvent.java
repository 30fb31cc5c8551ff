package io.github.camellivedesk.examples.jms;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An order event as the shop publishes it, e.g.
 * {@code {"orderId":"A-1001","phoneNumber":"+4915112345678","customerName":"Ana","status":"shipped"}}. It names the
 * customer (a phone number in E.164 form, as the shop has it), not a LiveDesk conversation: the component finds or
 * creates the customer's conversation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderEvent(String orderId, String phoneNumber, String customerName, String status) {

    /** The body variables of the {@code order_update} template: {{1}} the customer, {{2}} the order, {{3}} its status. */
    Map<String, Object> templateParams() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("1", customerName);
        params.put("2", orderId);
        params.put("3", status);
        return params;
    }

    /** What the agents see in the chat for the template message. */
    String summary() {
        return "Order " + orderId + " for " + customerName + ": " + status;
    }
}
