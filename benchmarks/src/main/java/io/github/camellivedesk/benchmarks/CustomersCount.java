package io.github.camellivedesk.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.camellivedesk.simulator.LiveDeskSimulator;
import io.github.camellivedesk.simulator.RecordedRequest;
import io.github.camellivedesk.simulator.SimulatedContact;
import io.github.camellivedesk.simulator.StoredMessage;

/**
 * Counts what the simulator saw in a measured round of the {@link CustomersScenario}: the requests by kind, contacts
 * and conversations beyond one per customer, messages stored after a later message of their customer, never stored,
 * stored twice, or stored in another customer's conversation.
 */
final class CustomersCount {

    private static final String CONTACTS = "/api/v2/accounts/contacts";
    private static final String CONVERSATIONS = "/api/v2/accounts/conversations";

    private final CustomersScenario scenario;

    CustomersCount(CustomersScenario scenario) {
        this.scenario = scenario;
    }

    /**
     * A conversation as stored: its id, the phone number of its contact (null for one created beforehand) and its
     * messages.
     */
    record Stored(long conversationId, String phoneNumber, List<StoredMessage> messages) {
    }

    static List<Stored> stored(LiveDeskSimulator simulator) {
        return simulator.conversations().stream()
                .map(conversation -> new Stored(conversation.id(),
                        conversation.contact().map(SimulatedContact::phoneNumber).orElse(null),
                        conversation.messages()))
                .toList();
    }

    /**
     * @param requests      every request of the measured round
     * @param contactPhones the phone number of every contact the simulator holds
     * @param stored        every conversation the simulator holds
     */
    Result count(String mode, double seconds, long failed, boolean finished, List<RecordedRequest> requests,
            List<String> contactPhones, List<Stored> stored) {
        long contacts = 0;
        long conversations = 0;
        long messageRequests = 0;
        long other = 0;
        for (RecordedRequest request : requests) {
            boolean ok = request.responseStatus() / 100 == 2 && request.method().equals("POST");
            if (ok && request.path().equals(CONTACTS)) {
                contacts++;
            } else if (ok && request.path().equals(CONVERSATIONS)) {
                conversations++;
            } else if (ok && request.path().startsWith(CONVERSATIONS + "/") && request.path().endsWith("/messages")) {
                messageRequests++;
            } else {
                // searches, look-ups, refusals: none expected
                other++;
            }
        }
        // beyond one contact per phone number and one conversation per contact (the simulator refuses a second contact
        // with a phone number, so a duplicate shows as a second conversation)
        long duplicates = contactPhones.size() - new HashSet<>(contactPhones).size();
        Set<String> withConversation = new HashSet<>();
        for (Stored conversation : stored) {
            if (conversation.phoneNumber() != null && !withConversation.add(conversation.phoneNumber())) {
                duplicates++;
            }
        }

        Map<Integer, Integer> highest = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long inversions = 0;
        long twice = 0;
        long misrouted = 0;
        List<StoredMessage> inStoredOrder = new ArrayList<>();
        Map<Long, Integer> customerOfConversation = new HashMap<>();
        for (Stored conversation : stored) {
            inStoredOrder.addAll(conversation.messages());
            customerOfConversation.put(conversation.conversationId(), conversation.phoneNumber() != null
                    ? CustomersScenario.customerOf(conversation.phoneNumber())
                    : (int) (conversation.conversationId() - CustomersScenario.FIRST_CONVERSATION));
        }
        inStoredOrder.sort((a, b) -> Long.compare(a.id(), b.id()));
        for (StoredMessage message : inStoredOrder) {
            String[] words = message.content().split(" ");
            int customer = Integer.parseInt(words[1]);
            int sequence = Integer.parseInt(words[2]);
            if (!seen.add(customer + " " + sequence)) {
                twice++;
                continue;
            }
            if (customerOfConversation.getOrDefault(message.conversationId(), -1) != customer) {
                misrouted++;
            }
            // per customer, wherever its messages were stored: a duplicate conversation must not hide an inversion
            Integer before = highest.get(customer);
            if (before != null && sequence < before) {
                inversions++;
            } else {
                highest.put(customer, sequence);
            }
        }
        return new Result(mode, scenario.messages(), scenario.customers(), seconds, finished, failed, contacts,
                conversations, messageRequests, other, duplicates, inversions, scenario.messages() - seen.size(),
                twice, misrouted);
    }

    /**
     * One mode's measured round.
     *
     * @param mode            how the messages were addressed ({@link CustomersRunner#BY_CUSTOMER} or
     *                        {@link CustomersRunner#BY_CONVERSATION})
     * @param messages        messages handed over
     * @param customers       customers they went to
     * @param seconds         from the first message handed over until every exchange completed (the median of the
     *                        timed rounds)
     * @param finished        whether every exchange completed within ten minutes
     * @param failed          exchanges that ended with an exception, in all timed rounds
     * @param contacts        contacts created (2xx answers)
     * @param conversations   conversations created
     * @param messageRequests messages sent (2xx answers)
     * @param otherRequests   any other request: searches, look-ups, refusals
     * @param duplicates      contacts and conversations beyond one per customer
     * @param inversions      messages stored after a later message of their customer
     * @param lost            messages never stored
     * @param twice           messages stored more than once
     * @param misrouted       messages stored in another customer's conversation
     */
    record Result(String mode, int messages, int customers, double seconds, boolean finished, long failed,
            long contacts, long conversations, long messageRequests, long otherRequests, long duplicates,
            long inversions, long lost, long twice, long misrouted) {

        double messagesPerSecond() {
            return messages / seconds;
        }

        boolean byCustomer() {
            return mode.equals(CustomersRunner.BY_CUSTOMER);
        }

        /** Whether the simulator saw exactly what the mode needs: nothing created twice, lost, reordered or failed. */
        boolean meetsTargets() {
            long creations = byCustomer() ? customers : 0;
            return finished && failed == 0 && contacts == creations && conversations == creations
                    && messageRequests == messages && otherRequests == 0 && duplicates == 0 && inversions == 0
                    && lost == 0 && twice == 0 && misrouted == 0;
        }

        String row(String run) {
            return String.format(Locale.ROOT,
                    "| %s%s | %.2f s | %,.0f | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |", run,
                    byCustomer() ? "phone number + inbox" : "conversation id", seconds, messagesPerSecond(),
                    contacts, conversations, messageRequests, otherRequests, duplicates, inversions, lost, twice,
                    misrouted, failed);
        }

        static String header() {
            return "| addressed by | time | messages/s | contacts created | conversations created | messages sent "
                    + "| other requests | duplicates | order inversions | lost | stored twice | misrouted "
                    + "| exchanges failed |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        }
    }
}
