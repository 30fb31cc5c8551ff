SELECT id, conversation_id, content
FROM outbox
WHERE status = 'new'
ORDER BY id
