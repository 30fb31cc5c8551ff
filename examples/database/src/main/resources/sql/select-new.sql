SELECT id, phone_number, customer_name, content
FROM outbox
WHERE status = 'new'
ORDER BY id
