-- LiveDesk may have stored it (5xx, timeout, connection lost after the request was written): never resent blindly.
UPDATE outbox
SET status = 'in_doubt', last_error = :#outboxError, updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
