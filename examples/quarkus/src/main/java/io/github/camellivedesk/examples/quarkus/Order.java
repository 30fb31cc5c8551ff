package io.github.camellivedesk.examples.quarkus;

/**
 * An order update as the shop posts it: the LiveDesk conversation of the customer, and the three values the
 * {@code order_update} WhatsApp template shows.
 */
public record Order(String orderId, String customer, String status, Long conversationId) {
}
