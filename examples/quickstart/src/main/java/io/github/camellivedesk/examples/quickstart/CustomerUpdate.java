package io.github.camellivedesk.examples.quickstart;

import java.io.PrintStream;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import io.github.camellivedesk.LiveDeskConstants;
import io.github.camellivedesk.examples.support.LiveDeskTarget;
import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.SimulatedConversation;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * The quickstart's last step: an order update to a customer the app knows only by phone number, as an order event
 * carries it. Against your LiveDesk account it runs only when you name the inbox and the customer
 * ({@code LIVEDESK_INBOX_ID}, {@code LIVEDESK_CUSTOMER_PHONE_NUMBER}): it creates a contact there.
 */
final class CustomerUpdate {

    static final String ROUTE = "direct:customer-template";
    /** The customer of the simulated run (any E.164 number: the simulator creates its contact). */
    static final String SIMULATED_PHONE_NUMBER = "+4915112345678";

    private CustomerUpdate() {
    }

    static void send(ProducerTemplate template, LiveDeskTarget target, Map<String, String> env, PrintStream out)
            throws Exception {
        String phoneNumber = target.isSimulated() ? SIMULATED_PHONE_NUMBER
                : env.get("LIVEDESK_CUSTOMER_PHONE_NUMBER");
        if (!target.isSimulated() && (phoneNumber == null || env.get("LIVEDESK_INBOX_ID") == null)) {
            out.println("Skipped the template to a customer: set LIVEDESK_INBOX_ID (your API channel inbox) and "
                    + "LIVEDESK_CUSTOMER_PHONE_NUMBER (E.164, e.g. +4915112345678) to send one; it creates the "
                    + "customer's contact and conversation in your account.");
            return;
        }
        Exchange sent = template.request(ROUTE, exchange -> {
            exchange.getMessage().setBody(Map.of("1", "Ana", "2", "out for delivery"));
            exchange.getMessage().setHeader(LiveDeskConstants.CONTENT, "Order update for Ana: out for delivery");
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_PHONE_NUMBER, phoneNumber);
            exchange.getMessage().setHeader(LiveDeskConstants.CUSTOMER_NAME, "Ana");
        });
        if (sent.getException() != null) {
            throw sent.getException();
        }
    }

    /** The conversation the component created for the simulated customer, and what it holds. */
    static void printReceived(LiveDeskSimulator simulator, PrintStream out) {
        for (SimulatedConversation conversation : simulator.conversations()) {
            conversation.contact().filter(contact -> SIMULATED_PHONE_NUMBER.equals(contact.phoneNumber()))
                    .ifPresent(contact -> {
                        out.println();
                        out.println("Customer " + contact.phoneNumber() + " (contact " + contact.id()
                                + ", created by the component) has conversation " + conversation.id() + " in inbox "
                                + conversation.inboxId() + ", which holds:");
                        for (StoredMessage message : conversation.messages()) {
                            out.printf("  #%d %-8s %-6s template %s %s%n", message.id(), message.messageType(),
                                    message.status(), message.templateParams().get("name"), message.content());
                        }
                    });
        }
    }
}
