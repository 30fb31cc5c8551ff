package io.github.camellivedesk.simulator;

import java.time.Instant;

/**
 * A contact created through {@code POST /api/v2/accounts/contacts}, with its one contact inbox: the API channel's
 * inbox and the {@code source_id} the service made for the pair (a UUID, as Chatwoot makes for API channels). Absent
 * optional fields are null; the email is stored in lower case, as Chatwoot stores it.
 */
public record SimulatedContact(long id, String name, String email, String phoneNumber, String identifier,
        String avatarUrl, long inboxId, String sourceId, Instant createdAt) {
}
