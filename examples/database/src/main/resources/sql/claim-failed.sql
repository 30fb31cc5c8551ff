UPDATE outbox
SET status = 'sending', claimed_by = :#outboxInstance, claimed_at = CURRENT_TIMESTAMP, attempts = attempts + 1,
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId AND status = 'failed'
