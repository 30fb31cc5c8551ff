package io.github.camellivedesk.examples.twoway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages WhatsApp refused because the customer's 24-hour window was closed (131047), by conversation: they can
 * only be resent once the customer writes. In memory for the example; an application keeps them in its database (see
 * the database example's outbox) so that a restart loses none.
 */
public final class WaitingMessages {

    private final Map<String, List<Long>> byConversation = new LinkedHashMap<>();

    /** Remembers a refused message of a conversation. */
    public synchronized void add(String conversationId, long messageId) {
        List<Long> waiting = byConversation.computeIfAbsent(conversationId, id -> new ArrayList<>());
        if (!waiting.contains(messageId)) {
            waiting.add(messageId);
        }
    }

    /** The refused messages of a conversation, forgotten here: the caller resends them. */
    public synchronized List<Long> takeAll(String conversationId) {
        List<Long> waiting = byConversation.remove(conversationId);
        return waiting == null ? List.of() : waiting;
    }

    /** How many messages wait, in all conversations. */
    public synchronized int size() {
        return byConversation.values().stream().mapToInt(List::size).sum();
    }
}
