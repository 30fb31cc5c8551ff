package io.github.camellivedesk.internal.customer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.spi.StateRepository;

import io.github.camellivedesk.error.LiveDeskHttpException;
import io.github.camellivedesk.internal.ContactPage;
import io.github.camellivedesk.internal.CustomerConversation;
import io.github.camellivedesk.internal.FailureCause;
import io.github.camellivedesk.internal.LiveDeskRequest;
import io.github.camellivedesk.internal.LiveDeskResponse;
import io.github.camellivedesk.internal.Resolved;
import io.github.camellivedesk.model.ConversationStatus;
import io.github.camellivedesk.model.LiveDeskContact;
import io.github.camellivedesk.model.LiveDeskConversation;

/**
 * The conversation a message to a customer goes to. A customer remembered costs nothing; one not seen before is looked
 * up once however many messages for it arrive at once (they all wait, without threads, for the one look-up): create
 * the contact; if LiveDesk refuses it as a duplicate (it knows the customer from before a restart, or from another
 * instance), search for it and reuse its newest conversation in the inbox that is not resolved; else create a
 * conversation. The requests go through the caller's {@code calls}, which paces them like any other. Thread-safe.
 */
public final class CustomerConversations {

    /**
     * A customer's conversation and whether it came from memory: one from memory may be stale (deleted in LiveDesk),
     * which a 404 tells; one just looked up is not.
     */
    public record Found(CustomerConversation conversation, boolean remembered) {
    }

    // Chatwoot's search matches parts of names, emails and numbers: a short number can match many contacts. The
    // exact one is usually on the first page; past this many pages the look-up gives up (and says so) rather than
    // walk a large account.
    private static final int MAX_SEARCH_PAGES = 20;
    private static final String CONTACT = "the customer's contact";

    private final CustomerMemory memory;
    private final Map<String, CompletableFuture<Found>> lookUps = new ConcurrentHashMap<>();

    /**
     * @param capacity   customers held in memory at most
     * @param repository where mappings are also kept, or null
     */
    public CustomerConversations(int capacity, StateRepository<String, String> repository) {
        this.memory = new CustomerMemory(capacity, repository);
    }

    /**
     * The customer's conversation: remembered, or looked up (one look-up per customer at a time).
     *
     * @param account the LiveDesk account (its base URL): the same inbox id and phone number in another account is
     *                another customer
     * @param calls   sends one request (paced, with the usual 429 handling) and answers it
     */
    public CompletableFuture<Found> conversationOf(LiveDeskRequest.CreateContact customer, String account,
            Function<LiveDeskRequest, CompletableFuture<LiveDeskResponse>> calls) {
        String key = account + " " + customer.customerKey();
        Optional<CustomerConversation> known = memory.recall(key);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(new Found(known.get(), true));
        }
        CompletableFuture<Found> mine = new CompletableFuture<>();
        CompletableFuture<Found> running = lookUps.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        // a look-up that ended between the recall and now has remembered its answer before it left the map
        Optional<CustomerConversation> meanwhile = memory.recall(key);
        if (meanwhile.isPresent()) {
            lookUps.remove(key, mine);
            mine.complete(new Found(meanwhile.get(), true));
            return mine;
        }
        CompletableFuture<CustomerConversation> found;
        try {
            found = new LookUp(customer, calls).run();
        } catch (RuntimeException e) {
            found = CompletableFuture.failedFuture(e);
        }
        found.whenComplete((conversation, failure) -> {
            if (failure == null) {
                memory.remember(key, conversation);
            }
            lookUps.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(FailureCause.of(failure));
            } else {
                mine.complete(new Found(conversation, false));
            }
        });
        return mine;
    }

    /** Forgets a remembered conversation LiveDesk answered 404 for, and looks the customer up again. */
    public CompletableFuture<Found> conversationAgain(LiveDeskRequest.CreateContact customer, String account,
            Found stale, Function<LiveDeskRequest, CompletableFuture<LiveDeskResponse>> calls) {
        memory.forget(account + " " + customer.customerKey(), stale.conversation());
        return conversationOf(customer, account, calls);
    }

    /** How many customers are held in memory now. */
    public int remembered() {
        return memory.size();
    }

    /** The requests of one look-up, in order. */
    private record LookUp(LiveDeskRequest.CreateContact customer,
            Function<LiveDeskRequest, CompletableFuture<LiveDeskResponse>> calls) {

        CompletableFuture<CustomerConversation> run() {
            return calls.apply(customer).handle((created, failure) -> {
                if (failure == null) {
                    LiveDeskContact contact = (LiveDeskContact) created.answer();
                    return newConversation(contact.id());
                }
                Throwable cause = FailureCause.of(failure);
                if (cause instanceof LiveDeskHttpException refused && refused.getStatusCode() == 422) {
                    // LiveDesk knows the customer already: find the contact, and its conversation if it has one
                    return find(refused).thenCompose(this::conversationWith);
                }
                return CompletableFuture.<CustomerConversation>failedFuture(cause);
            }).thenCompose(Function.identity());
        }

        private CompletableFuture<CustomerConversation> newConversation(long contactId) {
            return calls.apply(new LiveDeskRequest.CreateConversation(customer.inboxId(),
                    new Resolved<>(contactId, CONTACT), new Resolved<>(null, CONTACT)))
                    .thenApply(answer -> new CustomerConversation(
                            Long.toString(((LiveDeskConversation) answer.answer()).id()), contactId));
        }

        private CompletableFuture<CustomerConversation> conversationWith(LiveDeskContact contact) {
            long inbox = customer.inboxId().value();
            return calls.apply(new LiveDeskRequest.ContactConversations(contact.id())).thenCompose(answer -> {
                @SuppressWarnings("unchecked")
                List<LiveDeskConversation> conversations = (List<LiveDeskConversation>) answer.answer();
                Optional<LiveDeskConversation> open = conversations.stream()
                        .filter(conversation -> conversation.inboxId() != null && conversation.inboxId() == inbox)
                        .filter(conversation -> !ConversationStatus.RESOLVED.wireValue().equals(conversation.status()))
                        .max(Comparator.comparingLong(LiveDeskConversation::id));
                return open.isPresent()
                        ? CompletableFuture.completedFuture(
                                new CustomerConversation(Long.toString(open.get().id()), contact.id()))
                        : newConversation(contact.id());
            });
        }

        /** The contact LiveDesk refused to create again: the search for each key the customer gave, page by page. */
        private CompletableFuture<LiveDeskContact> find(LiveDeskHttpException refused) {
            return search(refused, 0, 1);
        }

        private CompletableFuture<LiveDeskContact> search(LiveDeskHttpException refused, int field, int page) {
            List<Resolved<String>> keys = List.of(customer.identifier(),
                    customer.phoneNumber(), customer.email());
            if (field >= keys.size()) {
                return CompletableFuture.failedFuture(refused);
            }
            String value = keys.get(field).value();
            if (value == null || value.isBlank() || page > MAX_SEARCH_PAGES) {
                return search(refused, field + 1, 1);
            }
            return calls.apply(new LiveDeskRequest.SearchContacts(value, page)).thenCompose(answer -> {
                ContactPage found = (ContactPage) answer.answer();
                Optional<LiveDeskContact> match = found.contacts().stream().filter(contact -> matches(contact, field))
                        .findFirst();
                if (match.isPresent()) {
                    return CompletableFuture.completedFuture(match.get());
                }
                boolean more = !found.contacts().isEmpty() && (long) page * found.contacts().size() < found.count();
                return more ? search(refused, field, page + 1) : search(refused, field + 1, 1);
            });
        }

        private boolean matches(LiveDeskContact contact, int field) {
            return switch (field) {
                case 0 -> customer.identifier().value().equals(contact.identifier());
                case 1 -> customer.phoneNumber().value().equals(contact.phoneNumber());
                default -> customer.email().value().equalsIgnoreCase(contact.email());
            };
        }
    }
}
