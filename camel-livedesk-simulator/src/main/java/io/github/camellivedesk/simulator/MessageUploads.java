package io.github.camellivedesk.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Receives a multipart message: each {@code attachments[]} part is streamed to a file in the storage folder while
 * its SHA-256 is computed, so uploads of any size pass with a small heap. Enforces the attachment limits as the
 * service does, stopping an oversized upload as soon as it crosses the limit.
 */
final class MessageUploads {

    private static final int MAX_TEXT_PART = 1024 * 1024;

    private final LiveDeskSimulator simulator;
    private final AttachmentStorage storage;
    private final int maxAttachments;
    private final long maxAttachmentSize;

    MessageUploads(LiveDeskSimulator simulator, AttachmentStorage storage, int maxAttachments, long maxAttachmentSize) {
        this.simulator = simulator;
        this.storage = storage;
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    ApiResponse receive(ApiHandler.Request request, SimulatedConversation conversation, String boundary) throws IOException {
        MultipartReader reader = new MultipartReader(request.body(), boundary);
        List<Upload> uploads = new ArrayList<>();
        String content = null;
        boolean privateMessage = false;
        Long inReplyTo = null;
        try {
            MultipartReader.PartHeaders part;
            while ((part = reader.next()) != null) {
                if (part.isFile() && "attachments[]".equals(part.name())) {
                    if (uploads.size() == maxAttachments) {
                        delete(uploads);
                        return ApiResponse.json(422, ErrorBodies.invalidField("attachments",
                                "too many attachments (maximum is " + maxAttachments + " per message)")).closing();
                    }
                    Upload upload = store(reader, part);
                    if (upload == null) {
                        delete(uploads);
                        return ApiResponse.json(413, ErrorBodies.invalidField("attachments", "attachment '" + part.fileName()
                                                                                        + "' is too large (maximum is " + maxAttachmentSize + " bytes)")).closing();
                    }
                    uploads.add(upload);
                } else if (!part.isFile()) {
                    String value = text(reader);
                    if (value == null) {
                        delete(uploads);
                        return ApiResponse.json(413, ErrorBodies.invalidField(String.valueOf(part.name()),
                                part.name() + " is larger than " + MAX_TEXT_PART + " bytes")).closing();
                    }
                    switch (String.valueOf(part.name())) {
                        case "content" -> content = value;
                        case "private" -> privateMessage = Boolean.parseBoolean(value.trim());
                        case "content_attributes[in_reply_to]" -> inReplyTo = parseReply(value);
                        default -> {
                            // the service ignores fields it does not know
                        }
                    }
                }
            }
        } catch (IOException e) {
            delete(uploads);
            return ApiResponse.json(400, ErrorBodies.error("Malformed multipart body: " + e.getMessage())).closing();
        }
        request.markUnread();
        if (uploads.isEmpty() && (content == null || content.isBlank())) {
            return ApiResponse.json(422, ErrorBodies.invalidField("content", "content can't be blank without attachments"));
        }
        String tooLong = MessageRules.contentLength(content);
        if (tooLong != null) {
            delete(uploads);
            return ApiResponse.json(422, tooLong);
        }
        long messageId = simulator.store().nextMessageId();
        List<StoredAttachment> attachments = new ArrayList<>();
        for (Upload upload : uploads) {
            long id = simulator.store().nextAttachmentId();
            attachments.add(new StoredAttachment(id, messageId, upload.fileName, upload.contentType, upload.size,
                    upload.sha256, upload.path, fileType(upload.contentType),
                    simulator.baseUrl() + DownloadHandler.PREFIX + id + "/"
                                                                              + URLEncoder.encode(upload.fileName, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        StoredMessage message = simulator.store().outgoing(conversation, messageId, content == null ? "" : content,
                privateMessage, inReplyTo, null, attachments);
        return ApiResponse.json(200, simulator.messageJson().render(message));
    }

    private Upload store(MultipartReader reader, MultipartReader.PartHeaders part) throws IOException {
        Path file = storage.newFile(safeName(part.fileName()));
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536), sha256)) {
            size = reader.copyBody(out, maxAttachmentSize);
        } catch (IOException e) {
            storage.delete(file);
            throw e;
        }
        if (size < 0) {
            storage.delete(file);
            return null;
        }
        String contentType = part.contentType() == null ? "application/octet-stream" : part.contentType();
        return new Upload(part.fileName(), contentType, size, HexFormat.of().formatHex(sha256.digest()), file);
    }

    private static String text(MultipartReader reader) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = reader.copyBody(out, MAX_TEXT_PART);
        return size < 0 ? null : out.toString(StandardCharsets.UTF_8);
    }

    private static Long parseReply(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A name safe on any file system; the original stays in the metadata. */
    private static String safeName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(safe.length() - 80) : safe;
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

    private void delete(List<Upload> uploads) {
        for (Upload upload : uploads) {
            storage.delete(upload.path);
        }
    }

    private record Upload(String fileName, String contentType, long size, String sha256, Path path) {
    }
}
