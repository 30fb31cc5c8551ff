package io.github.camellivedesk.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders stored messages in the API's answer shape: every field of the documentation's examples. */
final class MessageJson {

    private final long inboxId;
    private final long accountId;

    MessageJson(long inboxId, long accountId) {
        this.inboxId = inboxId;
        this.accountId = accountId;
    }

    String render(StoredMessage message) {
        return JsonWriter.write(toMap(message));
    }

    Map<String, Object> toMap(StoredMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", message.id());
        json.put("content", message.content());
        json.put("inbox_id", inboxId);
        json.put("conversation_id", message.conversationId());
        json.put("message_type", "incoming".equals(message.messageType()) ? 0 : 1);
        json.put("content_type", "text");
        json.put("status", message.status());
        json.put("content_attributes", message.contentAttributes());
        json.put("created_at", message.createdAt().getEpochSecond());
        json.put("private", message.privateMessage());
        json.put("source_id", null);
        json.put("sorting_id", message.sortingId());
        json.put("sender", "incoming".equals(message.messageType()) ? contact() : agent());
        if (!message.attachments().isEmpty()) {
            List<Map<String, Object>> attachments = new ArrayList<>();
            for (StoredAttachment attachment : message.attachments()) {
                attachments.add(attachment(attachment));
            }
            json.put("attachments", attachments);
        }
        if (message.templateParams() != null) {
            json.put("additional_attributes", Map.of("template_params", message.templateParams()));
        }
        return json;
    }

    Map<String, Object> attachment(StoredAttachment attachment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", attachment.id());
        json.put("message_id", attachment.messageId());
        json.put("file_type", attachment.fileType());
        json.put("account_id", accountId);
        int dot = attachment.fileName().lastIndexOf('.');
        json.put("extension",
                dot > 0 && dot < attachment.fileName().length() - 1 ? attachment.fileName().substring(dot + 1) : null);
        json.put("data_url", attachment.dataUrl());
        json.put("thumb_url", "image".equals(attachment.fileType()) ? attachment.dataUrl() : "");
        json.put("file_size", attachment.size());
        json.put("width", null);
        json.put("height", null);
        return json;
    }

    private static Map<String, Object> agent() {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("id", 3);
        sender.put("name", "Simulated Agent");
        sender.put("available_name", "Simulated Agent");
        sender.put("avatar_url", "");
        sender.put("type", "user");
        sender.put("availability_status", "offline");
        sender.put("thumbnail", "");
        return sender;
    }

    private static Map<String, Object> contact() {
        Map<String, Object> sender = new LinkedHashMap<>(agent());
        sender.put("id", 1);
        sender.put("name", "Simulated Customer");
        sender.put("available_name", "Simulated Customer");
        sender.put("type", "contact");
        return sender;
    }
}
