-- LiveDesk refused the request (validation, authentication, 4xx): sending it again gives the same answer.
UPDATE outbox
SET status = 'rejected', last_error = :#outboxError, updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
