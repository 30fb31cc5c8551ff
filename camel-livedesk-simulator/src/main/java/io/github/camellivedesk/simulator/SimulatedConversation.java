package io.github.camellivedesk.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A conversation: its messages in order, the state of WhatsApp's 24-hour customer service window, its status, and the
 * contact it was created for through the API (seeded conversations have none).
 */
public final class SimulatedConversation {

    private final long id;
    private final MessageStore store;
    private final int retention;
    private final long inboxId;
    private final SimulatedContact contact;
    private final Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Deque<StoredMessage> messages = new ArrayDeque<>();
    private long nextSortingId = 1;
    private boolean windowOpen = true;
    private ConversationStatus status;
    private Instant snoozedUntil;

    SimulatedConversation(long id, MessageStore store, int retention, long inboxId, SimulatedContact contact,
            ConversationStatus status) {
        this.id = id;
        this.store = store;
        this.retention = retention;
        this.inboxId = inboxId;
        this.contact = contact;
        this.status = status;
    }

    /** The conversation id. */
    public long id() {
        return id;
    }

    /** The inbox (API channel) it belongs to. */
    public long inboxId() {
        return inboxId;
    }

    /** The contact it was created for through the API; empty for seeded conversations. */
    public Optional<SimulatedContact> contact() {
        return Optional.ofNullable(contact);
    }

    /** When it was created, to the second (the API's {@code created_at}). */
    public Instant createdAt() {
        return createdAt;
    }

    /** Its status: {@code OPEN} unless created {@code pending} or changed through {@code toggle_status}. */
    public synchronized ConversationStatus status() {
        return status;
    }

    /** Until when it is snoozed; empty when it is not snoozed or snoozed until the customer's next reply. */
    public synchronized Optional<Instant> snoozedUntil() {
        return Optional.ofNullable(snoozedUntil);
    }

    /** A status change the API asked for: made when the transition matrix allows it. */
    record StatusChange(ConversationStatus from, ConversationStatus to, boolean accepted) {
    }

    /** Changes the status if {@link ConversationStatus#canGoTo} allows it; {@code until} counts only for snoozed. */
    synchronized StatusChange changeStatus(ConversationStatus target, Instant until) {
        ConversationStatus from = status;
        if (!from.canGoTo(target)) {
            return new StatusChange(from, target, false);
        }
        status = target;
        snoozedUntil = target == ConversationStatus.SNOOZED ? until : null;
        store.changed();
        if (from != target) {
            store.events().statusChanged(this, from, target);
        }
        return new StatusChange(from, target, true);
    }

    /** Its messages in the order they were stored (the most recent {@code messageRetention} of them). */
    public synchronized List<StoredMessage> messages() {
        return List.copyOf(messages);
    }

    /** Closes the 24-hour window: free-form messages are then stored as failed with WhatsApp error 131047. */
    public void closeWindow() {
        synchronized (this) {
            windowOpen = false;
        }
        store.changed();
    }

    /**
     * Stores an incoming customer message, which opens the window and, as in Chatwoot, reopens a resolved or snoozed
     * conversation.
     */
    public StoredMessage customerReply(String content) {
        StoredMessage message = store.incoming(this, content);
        ConversationStatus reopened = null;
        synchronized (this) {
            windowOpen = true;
            if (status == ConversationStatus.RESOLVED || status == ConversationStatus.SNOOZED) {
                reopened = status;
                status = ConversationStatus.OPEN;
                snoozedUntil = null;
            }
        }
        store.changed();
        if (reopened != null) {
            // after the message's message_created, as in Chatwoot, where the message reopens the conversation
            store.events().statusChanged(this, reopened, ConversationStatus.OPEN);
        }
        return message;
    }

    /**
     * Marks a stored message of this conversation failed after the fact, as WhatsApp reports it later (e.g.
     * {@code "131047: Re-engagement message is not allowed"}): {@code status} {@code failed},
     * {@code content_attributes.external_error} set, and a {@code message_updated} webhook event.
     */
    public StoredMessage failMessage(long messageId, String externalError) {
        if (externalError == null || externalError.isBlank()) {
            throw new IllegalArgumentException("externalError must not be blank");
        }
        return changeMessage(messageId, "failed", externalError);
    }

    /** Marks a stored message of this conversation delivered, with a {@code message_updated} webhook event. */
    public StoredMessage markDelivered(long messageId) {
        return changeMessage(messageId, "delivered", null);
    }

    /** Marks a stored message of this conversation read, with a {@code message_updated} webhook event. */
    public StoredMessage markRead(long messageId) {
        return changeMessage(messageId, "read", null);
    }

    private StoredMessage changeMessage(long messageId, String newStatus, String externalError) {
        StoredMessage message = store.message(messageId).filter(m -> m.conversationId() == id)
                .orElseThrow(() -> new IllegalArgumentException(
                        "No message " + messageId + " in conversation " + id + " of the simulator"));
        StoredMessage updated = message.withStatus(newStatus, externalError, message.retryCount());
        store.update(this, updated);
        return updated;
    }

    /**
     * The customer's messages an agent has not answered yet: incoming messages after the last outgoing message that is
     * not a private note (a note is not an answer: the customer never sees it). Chatwoot counts the incoming messages
     * after the agent last looked; the simulator has no agent who looks, so an answer stands for having read.
     */
    synchronized int unreadCount() {
        int unread = 0;
        for (java.util.Iterator<StoredMessage> it = messages.descendingIterator(); it.hasNext();) {
            StoredMessage message = it.next();
            if ("incoming".equals(message.messageType())) {
                unread++;
            } else if (!message.privateMessage()) {
                break;
            }
        }
        return unread;
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
        return "SimulatedConversation[" + id + ", " + status().wireName() + ", window "
                + (windowOpen() ? "open" : "closed") + "]";
    }
}
