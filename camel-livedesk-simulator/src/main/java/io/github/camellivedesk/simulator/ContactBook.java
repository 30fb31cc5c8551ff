package io.github.camellivedesk.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's contacts: ids count up from 1, and {@code email}, {@code identifier} and {@code phone_number} are
 * unique per account, as in Chatwoot (email without regard to case). Thread-safe: a check and its insert are one step,
 * so two concurrent creates of the same email cannot both succeed.
 */
final class ContactBook {

    /** What a create came to. */
    sealed interface Outcome permits Added, Refused {
    }

    record Added(SimulatedContact contact) implements Outcome {
    }

    /** Refused with Chatwoot's validation errors, in its order; answered 422. */
    record Refused(List<MessageRules.Violation> violations) implements Outcome {
    }

    private final Map<Long, SimulatedContact> contacts = new LinkedHashMap<>();
    private long nextId = 1;

    synchronized Outcome add(ContactRules.Draft draft, long inboxId) {
        List<MessageRules.Violation> violations = new ArrayList<>();
        if (draft.email() != null) {
            if (taken(c -> draft.email().equals(c.email()))) {
                violations.add(new MessageRules.Violation("email", "Email has already been taken"));
            }
            if (!ContactRules.emailLooksValid(draft.email())) {
                violations.add(new MessageRules.Violation("email", "Email is invalid"));
            }
        }
        if (draft.identifier() != null && taken(c -> draft.identifier().equals(c.identifier()))) {
            violations.add(new MessageRules.Violation("identifier", "Identifier has already been taken"));
        }
        if (draft.phoneNumber() != null) {
            if (taken(c -> draft.phoneNumber().equals(c.phoneNumber()))) {
                violations.add(new MessageRules.Violation("phone_number", "Phone number has already been taken"));
            }
            if (!ContactRules.isE164(draft.phoneNumber())) {
                violations.add(new MessageRules.Violation("phone_number", "Phone number should be in e164 format"));
            }
        }
        if (!violations.isEmpty()) {
            return new Refused(List.copyOf(violations));
        }
        SimulatedContact contact = new SimulatedContact(nextId++, draft.name() == null ? "" : draft.name(),
                draft.email(), draft.phoneNumber(), draft.identifier(), draft.avatarUrl(), inboxId,
                UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        contacts.put(contact.id(), contact);
        return new Added(contact);
    }

    private boolean taken(java.util.function.Predicate<SimulatedContact> same) {
        return contacts.values().stream().anyMatch(same);
    }

    synchronized Optional<SimulatedContact> find(long id) {
        return Optional.ofNullable(contacts.get(id));
    }

    synchronized Optional<SimulatedContact> bySourceId(String sourceId) {
        return contacts.values().stream().filter(c -> c.sourceId().equals(sourceId)).findFirst();
    }

    synchronized List<SimulatedContact> all() {
        return List.copyOf(contacts.values());
    }

    /**
     * Chatwoot's search: {@code q} anywhere in the name, email or phone number without regard to case, or in the
     * identifier with regard to it ({@code LIKE}, not {@code ILIKE}); by id.
     */
    synchronized List<SimulatedContact> search(String q) {
        String needle = q.strip();
        String lower = needle.toLowerCase(Locale.ROOT);
        List<SimulatedContact> found = new ArrayList<>();
        for (SimulatedContact contact : contacts.values()) {
            if (contains(contact.name(), lower) || contains(contact.email(), lower)
                    || contains(contact.phoneNumber(), lower)
                    || contact.identifier() != null && contact.identifier().contains(needle)) {
                found.add(contact);
            }
        }
        return found;
    }

    private static boolean contains(String field, String lowerNeedle) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    synchronized void clear() {
        contacts.clear();
        nextId = 1;
    }
}
