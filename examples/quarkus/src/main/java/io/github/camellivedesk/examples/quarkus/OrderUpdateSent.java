package io.github.camellivedesk.examples.quarkus;

/** What POST /orders answers: the id and status LiveDesk gave the template message. */
public record OrderUpdateSent(long messageId, String status) {
}
