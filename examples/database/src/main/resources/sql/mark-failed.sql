-- LiveDesk stored the message but the channel refused it; livedesk_message_id is what livedesk:retry resends.
UPDATE outbox
SET status = 'failed', livedesk_message_id = :#${exception.messageId},
    conversation_id = :#${header.CamelLiveDeskConversationId},
    external_error = :#${exception.externalError?.raw}, external_error_code = :#${exception.externalError?.code},
    updated_at = CURRENT_TIMESTAMP
WHERE id = :#outboxId
