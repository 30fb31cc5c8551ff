-- LiveDesk surely did not receive it (refused connection, rate limit): the next poll sends it again.
UPDATE outbox
SET status = 'new', claimed_by = NULL, claimed_at = NULL, last_error = :#outboxError,
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
