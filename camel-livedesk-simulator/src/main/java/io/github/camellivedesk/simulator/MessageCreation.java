package io.github.camellivedesk.simulator;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two documented calls once a request is authenticated: create a message (JSON text or template, or multipart
 * with attachments) and retry a failed one. Every message the API stores is made here.
 */
final class MessageCreation {

    private final MessageStore store;
    private final boolean autoCreateConversations;
    private final MessageUploads uploads;
    private final AttachmentStorage storage;
    private final MessageJson json;
    private final String downloadUrl;

    MessageCreation(MessageStore store, boolean autoCreateConversations, MessageUploads uploads,
            AttachmentStorage storage,
            MessageJson json, String baseUrl) {
        this.store = store;
        this.autoCreateConversations = autoCreateConversations;
        this.uploads = uploads;
        this.storage = storage;
        this.json = json;
        this.downloadUrl = baseUrl + DownloadHandler.PREFIX;
    }

    ApiResponse create(ApiCall call, String conversationSegment) throws IOException {
        SimulatedConversation conversation = conversation(conversationSegment);
        if (conversation == null) {
            return notFound();
        }
        String contentType = call.header("Content-Type");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return jsonMessage(call, conversation);
        }
        if (mediaType.equals("multipart/form-data")) {
            String boundary = MultipartReader.boundary(contentType);
            if (boundary == null || boundary.isEmpty()) {
                return ApiResponse.json(400, ErrorBodies.error("multipart/form-data without a boundary")).closing();
            }
            return multipartMessage(call, conversation, boundary);
        }
        return ApiResponse.json(415,
                ErrorBodies.error("Unsupported Content-Type " + (contentType == null ? "(none)" : contentType)
                        + ": use application/json or multipart/form-data"))
                .closing();
    }

    @SuppressWarnings("unchecked")
    private ApiResponse jsonMessage(ApiCall call, SimulatedConversation conversation) throws IOException {
        Map<String, Object> body;
        try {
            body = JsonBody.parse(call);
        } catch (Rejected rejected) {
            return rejected.response();
        }
        boolean template = body.containsKey("template_params");
        Optional<MessageRules.Violation> violation = template ? MessageRules.templateMessage(body)
                : MessageRules.textMessage(body);
        if (violation.isPresent()) {
            return violation.get().response();
        }
        Map<String, Object> params = template ? (Map<String, Object>) body.get("template_params") : null;
        String content = (String) body.get("content");
        if (template && (content == null || content.isBlank())) {
            // lenient where the documentation says required: the chat UI shows the template name instead
            content = (String) params.get("name");
        }
        Long inReplyTo = null;
        if (body.get("content_attributes") instanceof Map<?, ?> attributes
                && attributes.get("in_reply_to") instanceof Number n) {
            inReplyTo = n.longValue();
        }
        StoredMessage message = store.outgoing(conversation, store.nextMessageId(), content,
                Boolean.TRUE.equals(body.get("private")),
                inReplyTo, params == null ? null : Collections.unmodifiableMap(params), List.of());
        return ApiResponse.json(200, json.render(message));
    }

    private ApiResponse multipartMessage(ApiCall call, SimulatedConversation conversation, String boundary)
            throws IOException {
        MessageUploads.Form form;
        try {
            form = uploads.read(call, boundary);
        } catch (Rejected rejected) {
            return rejected.response();
        }
        Optional<MessageRules.Violation> violation = MessageRules.multipartMessage(form.content(), form.files().size());
        if (violation.isPresent()) {
            form.files().forEach(file -> storage.delete(file.path()));
            return violation.get().response();
        }
        long messageId = store.nextMessageId();
        List<StoredAttachment> attachments = new ArrayList<>();
        for (MessageUploads.Upload file : form.files()) {
            long id = store.nextAttachmentId();
            attachments.add(
                    new StoredAttachment(id, messageId, file.fileName(), file.contentType(), file.size(), file.sha256(),
                            file.path(), fileType(file.contentType()),
                            downloadUrl + id + "/"
                                    + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        StoredMessage message = store.outgoing(conversation, messageId, form.content() == null ? "" : form.content(),
                form.privateMessage(), form.inReplyTo(), null, attachments);
        return ApiResponse.json(200, json.render(message));
    }

    ApiResponse retry(String conversationSegment, String messageSegment) {
        SimulatedConversation conversation = conversation(conversationSegment);
        Long messageId = MessageStore.parseId(messageSegment);
        StoredMessage message = messageId == null ? null : store.message(messageId).orElse(null);
        if (conversation == null || message == null || message.conversationId() != conversation.id()) {
            return notFound();
        }
        if (!message.isFailed()) {
            return ApiResponse.json(422, ErrorBodies.error("Message is not in failed state"));
        }
        return ApiResponse.json(200, json.render(store.retry(conversation, message)));
    }

    /** The conversation a request path names, created when auto-create is on; null when unknown. */
    private SimulatedConversation conversation(String segment) {
        Long id = MessageStore.parseId(segment);
        if (id == null) {
            return null;
        }
        return autoCreateConversations ? store.create(id) : store.find(id).orElse(null);
    }

    private static ApiResponse notFound() {
        return ApiResponse.json(404, ErrorBodies.error("Resource could not be found"));
    }

    private static String fileType(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return "image";
        }
        if (type.startsWith("audio/")) {
            return "audio";
        }
        if (type.startsWith("video/")) {
            return "video";
        }
        return "file";
    }
}
