UPDATE outbox
SET status = :#${header.CamelLiveDeskMessageStatus}, livedesk_message_id = :#${header.CamelLiveDeskMessageId},
    external_error = NULL, external_error_code = NULL, last_error = NULL, updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
