package io.github.camellivedesk.internal.customer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.camellivedesk.internal.CustomerConversation;

/**
 * Which conversation each customer has: the most recently used customers in memory, at most a fixed number of them,
 * and, when the user hands one over, every customer in a Camel {@link StateRepository} that outlives the process or
 * is shared by several. A customer the memory has dropped is read back from the repository, or found again in
 * LiveDesk: forgetting costs requests, never a duplicate. Thread-safe.
 */
final class CustomerMemory {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerMemory.class);
    // a StateRepository cannot remove a key: an empty value stands for a forgotten customer
    private static final String FORGOTTEN = "";

    private final int capacity;
    private final StateRepository<String, String> repository;
    private final Map<String, CustomerConversation> recent;

    /**
     * @param capacity   the most customers held in memory, at least 1
     * @param repository where every mapping is also written, or null
     */
    CustomerMemory(int capacity, StateRepository<String, String> repository) {
        this.capacity = capacity;
        this.repository = repository;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CustomerConversation> eldest) {
                return size() > CustomerMemory.this.capacity;
            }
        };
    }

    /** The customer's conversation, from memory, else from the repository. */
    Optional<CustomerConversation> recall(String key) {
        synchronized (recent) {
            CustomerConversation known = recent.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        if (repository == null) {
            return Optional.empty();
        }
        CustomerConversation stored = parse(key, repository.getState(key));
        if (stored != null) {
            synchronized (recent) {
                recent.put(key, stored);
            }
        }
        return Optional.ofNullable(stored);
    }

    void remember(String key, CustomerConversation conversation) {
        synchronized (recent) {
            recent.put(key, conversation);
        }
        if (repository != null) {
            repository.setState(key, conversation.conversationId() + "/" + conversation.contactId());
        }
    }

    /** Forgets the customer's conversation if it is still this one (another message may have healed it already). */
    void forget(String key, CustomerConversation stale) {
        boolean forgotten;
        synchronized (recent) {
            forgotten = recent.remove(key, stale);
        }
        if (repository != null && stale.equals(parse(key, repository.getState(key)))) {
            repository.setState(key, FORGOTTEN);
            forgotten = true;
        }
        if (forgotten) {
            LOG.debug("Forgot conversation {} of a customer: LiveDesk no longer knows it", stale.conversationId());
        }
    }

    /** How many customers are held in memory now. */
    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    private static CustomerConversation parse(String key, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int slash = value.indexOf('/');
        try {
            return new CustomerConversation(value.substring(0, slash), Long.parseLong(value.substring(slash + 1)));
        } catch (RuntimeException unreadable) {
            // not written by this component: found again in LiveDesk, which overwrites it
            LOG.debug("Ignoring an unreadable stored conversation for a customer: {}", unreadable.toString());
            return null;
        }
    }
}
