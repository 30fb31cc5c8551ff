-- wrk script: the documented text message to conversation 141 with the simulator's default credentials
-- (simulator-key / simulator-secret). Usage: see camel-livedesk-simulator/README.md, "Capacity".
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic c2ltdWxhdG9yLWtleTpzaW11bGF0b3Itc2VjcmV0"
wrk.body = '{"content":"Agent sending message, is it normal?","private":false,"content_attributes":{"in_reply_to":29}}'
