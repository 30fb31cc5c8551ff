package io.github.camellivedesk.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A conversation: its messages in order and the state of WhatsApp's 24-hour customer service window.
 */
public final class SimulatedConversation {

    private final long id;
    private final MessageStore store;
    private final int retention;
    private final Deque<StoredMessage> messages = new ArrayDeque<>();
    private long nextSortingId = 1;
    private boolean windowOpen = true;

    SimulatedConversation(long id, MessageStore store, int retention) {
        this.id = id;
        this.store = store;
        this.retention = retention;
    }

    /** The conversation id. */
    public long id() {
        return id;
    }

    /** Its messages in the order they were stored (the most recent {@code messageRetention} of them). */
    public synchronized List<StoredMessage> messages() {
        return List.copyOf(messages);
    }

    /** Closes the 24-hour window: free-form messages are then stored as failed with WhatsApp error 131047. */
    public synchronized void closeWindow() {
        windowOpen = false;
    }

    /** Stores an incoming customer message, which opens the window. */
    public StoredMessage customerReply(String content) {
        StoredMessage message = store.incoming(this, content);
        synchronized (this) {
            windowOpen = true;
        }
        return message;
    }

    /** Whether free-form messages can be delivered. */
    public synchronized boolean windowOpen() {
        return windowOpen;
    }

    synchronized long nextSortingId() {
        return nextSortingId++;
    }

    /** Adds a message and returns those dropped to stay within the retention. */
    synchronized List<StoredMessage> add(StoredMessage message) {
        messages.addLast(message);
        List<StoredMessage> evicted = List.of();
        while (messages.size() > retention) {
            if (evicted.isEmpty()) {
                evicted = new ArrayList<>();
            }
            evicted.add(messages.removeFirst());
        }
        return evicted;
    }

    synchronized void replace(StoredMessage updated) {
        List<StoredMessage> copy = new ArrayList<>(messages);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id() == updated.id()) {
                copy.set(i, updated);
            }
        }
        messages.clear();
        messages.addAll(copy);
    }

    @Override
    public String toString() {
        return "SimulatedConversation[" + id + ", window " + (windowOpen() ? "open" : "closed") + "]";
    }
}
