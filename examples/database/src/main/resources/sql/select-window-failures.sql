-- Messages refused outside WhatsApp's 24-hour window (131047) in the conversation the customer just wrote to.
SELECT id, livedesk_message_id
FROM outbox
WHERE conversation_id = :#${header.CamelLiveDeskConversationId} AND status = 'failed' AND external_error_code = 131047
ORDER BY id
