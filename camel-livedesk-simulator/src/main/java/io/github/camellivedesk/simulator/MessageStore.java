package io.github.camellivedesk.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Conversations and their messages; ids count up across the simulator. Thread-safe. */
final class MessageStore {

    static final String REENGAGEMENT_ERROR = "131047: Re-engagement message is not allowed";

    private final Map<Long, SimulatedConversation> conversations = new ConcurrentHashMap<>();
    private final Map<Long, StoredMessage> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(1);
    private final AtomicLong nextAttachmentId = new AtomicLong(1);
    private final int retention;
    private final long inboxId;
    private final ChangeFeed changes;
    private volatile Consumer<Path> onEvicted = file -> {};
    private volatile ConversationEvents events = ConversationEvents.NONE;

    MessageStore(int retention, long inboxId, ChangeFeed changes) {
        this.retention = retention;
        this.inboxId = inboxId;
        this.changes = changes;
    }

    /** Tells watching pages that a conversation or message changed. */
    void changed() {
        changes.changed();
    }

    /** What to do with the file of an attachment whose message retention dropped. */
    void onEvicted(Consumer<Path> deleteFile) {
        this.onEvicted = deleteFile;
    }

    /** Who hears of created conversations and of created and changed messages (the webhook). */
    void onEvents(ConversationEvents listener) {
        this.events = listener;
    }

    ConversationEvents events() {
        return events;
    }

    SimulatedConversation create(long id) {
        SimulatedConversation existing = conversations.get(id);
        if (existing != null) {
            return existing;
        }
        SimulatedConversation created = conversations.computeIfAbsent(id,
                key -> new SimulatedConversation(key, this, retention, inboxId, null, ConversationStatus.OPEN));
        changes.changed();
        return created;
    }

    /**
     * A conversation created through the API for a contact, with the id after the highest existing one (as a database
     * sequence would give after the seeded conversations).
     */
    synchronized SimulatedConversation createFor(SimulatedContact contact, ConversationStatus status) {
        while (true) {
            long id = conversations.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            SimulatedConversation conversation = new SimulatedConversation(id, this, retention, contact.inboxId(),
                    contact, status);
            // create(id) is not synchronized: an id it took in the meantime is skipped
            if (conversations.putIfAbsent(id, conversation) == null) {
                changes.changed();
                // only the API's conversations are announced: seeded and inspection ones are a test's set-up
                events.conversationCreated(conversation);
                return conversation;
            }
        }
    }

    /** The conversations of a contact, newest first (Chatwoot orders them by last activity). */
    List<SimulatedConversation> conversationsOf(long contactId) {
        List<SimulatedConversation> found = new ArrayList<>();
        for (SimulatedConversation conversation : conversations()) {
            if (conversation.contact().map(c -> c.id() == contactId).orElse(false)) {
                found.add(0, conversation);
            }
        }
        return found;
    }

    Optional<SimulatedConversation> find(long id) {
        return Optional.ofNullable(conversations.get(id));
    }

    List<SimulatedConversation> conversations() {
        List<SimulatedConversation> all = new ArrayList<>(conversations.values());
        all.sort(Comparator.comparingLong(SimulatedConversation::id));
        return all;
    }

    long nextMessageId() {
        return nextMessageId.getAndIncrement();
    }

    long nextAttachmentId() {
        return nextAttachmentId.getAndIncrement();
    }

    /**
     * Stores a message sent through the API. A free-form message in a conversation whose window is closed is stored
     * as failed, as WhatsApp refuses it; templates always go.
     */
    StoredMessage outgoing(SimulatedConversation conversation, long id, String content, boolean privateMessage,
            Long inReplyTo, Map<String, Object> templateParams, List<StoredAttachment> attachments) {
        boolean refused = templateParams == null && !privateMessage && !conversation.windowOpen();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (inReplyTo != null) {
            attributes.put("in_reply_to", inReplyTo);
        }
        if (refused) {
            attributes.put("external_error", REENGAGEMENT_ERROR);
        }
        StoredMessage message = new StoredMessage(id, conversation.id(), content, privateMessage, inReplyTo, "outgoing",
                refused ? "failed" : "sent", refused ? REENGAGEMENT_ERROR : null, templateParams,
                List.copyOf(attachments), Instant.now().truncatedTo(ChronoUnit.SECONDS), conversation.nextSortingId(),
                Collections.unmodifiableMap(attributes), 0);
        add(conversation, message);
        return message;
    }

    StoredMessage incoming(SimulatedConversation conversation, String content) {
        StoredMessage message = new StoredMessage(nextMessageId(), conversation.id(), content, false, null, "incoming",
                "sent", null, null, List.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                conversation.nextSortingId(), Map.of(), 0);
        add(conversation, message);
        return message;
    }

    /** Resends a failed message: sent when the window is open again, failed again otherwise. */
    StoredMessage retry(SimulatedConversation conversation, StoredMessage failed) {
        boolean refused = failed.templateParams() == null && !conversation.windowOpen();
        StoredMessage updated = failed.withStatus(refused ? "failed" : "sent", refused ? REENGAGEMENT_ERROR : null,
                failed.retryCount() + 1);
        update(conversation, updated);
        return updated;
    }

    /** Replaces a stored message with its changed self and announces it ({@code message_updated}). */
    void update(SimulatedConversation conversation, StoredMessage updated) {
        messages.put(updated.id(), updated);
        conversation.replace(updated);
        changes.changed();
        events.messageUpdated(conversation, updated);
    }

    private void add(SimulatedConversation conversation, StoredMessage message) {
        messages.put(message.id(), message);
        for (StoredMessage evicted : conversation.add(message)) {
            messages.remove(evicted.id());
            // retention keeps long load tests flat on disk too, not only in memory
            evicted.attachments().forEach(attachment -> onEvicted.accept(attachment.path()));
        }
        changes.changed();
        events.messageCreated(conversation, message);
    }

    Optional<StoredMessage> message(long id) {
        return Optional.ofNullable(messages.get(id));
    }

    List<StoredMessage> messages() {
        List<StoredMessage> all = new ArrayList<>(messages.values());
        all.sort(Comparator.comparingLong(StoredMessage::id));
        return all;
    }

    List<StoredAttachment> attachments() {
        List<StoredAttachment> all = new ArrayList<>();
        for (StoredMessage message : messages()) {
            all.addAll(message.attachments());
        }
        return all;
    }

    Optional<StoredAttachment> attachment(long id) {
        return attachments().stream().filter(a -> a.id() == id).findFirst();
    }

    /** A path or command-line id: digits only, at most a {@code long}; null otherwise. */
    static Long parseId(String segment) {
        if (segment == null || segment.isEmpty() || segment.length() > 19) {
            return null;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(segment);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void clear() {
        conversations.clear();
        messages.clear();
        nextMessageId.set(1);
        nextAttachmentId.set(1);
    }
}
