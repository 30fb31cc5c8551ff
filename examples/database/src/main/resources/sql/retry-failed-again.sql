-- The retry did not get through: back to failed with the latest error, for the next customer reply.
UPDATE outbox
SET status = 'failed', last_error = :#outboxError, updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
