UPDATE outbox
SET status = :#${header.CamelLiveDeskMessageStatus}, livedesk_message_id = :#${header.CamelLiveDeskMessageId},
    conversation_id = :#${header.CamelLiveDeskConversationId},
    external_error = NULL, external_error_code = NULL, last_error = NULL, updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
