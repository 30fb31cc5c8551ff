package io.github.camellivedesk.simulator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a multipart message: each {@code attachments[]} part is streamed to a file of the {@link AttachmentStorage}
 * while its SHA-256 is computed, so uploads of any size pass with a small heap. Enforces the attachment limits as
 * the service does, stopping an oversized upload as soon as it crosses the limit.
 */
final class MessageUploads {

    private static final int MAX_TEXT_PART = 1024 * 1024;

    private final AttachmentStorage storage;
    private final int maxAttachments;
    private final long maxAttachmentSize;

    /** The fields of a multipart message and its stored files. */
    record Form(String content, boolean privateMessage, Long inReplyTo, List<Upload> files) {
    }

    /** One stored file. */
    record Upload(String fileName, String contentType, long size, String sha256, Path path) {
    }

    MessageUploads(AttachmentStorage storage, int maxAttachments, long maxAttachmentSize) {
        this.storage = storage;
        this.maxAttachments = maxAttachments;
        this.maxAttachmentSize = maxAttachmentSize;
    }

    /** Reads the whole form; on a refusal, the files it already stored are deleted. */
    Form read(ApiCall call, String boundary) throws Rejected {
        MultipartReader reader = new MultipartReader(call.body(), boundary);
        List<Upload> files = new ArrayList<>();
        String content = null;
        boolean privateMessage = false;
        Long inReplyTo = null;
        try {
            MultipartReader.PartHeaders part;
            while ((part = reader.next()) != null) {
                if (part.isFile() && "attachments[]".equals(part.name())) {
                    if (files.size() == maxAttachments) {
                        throw new Rejected(ApiResponse.json(422, ErrorBodies.invalidField("attachments",
                                "too many attachments (maximum is " + maxAttachments + " per message)")).closing());
                    }
                    files.add(store(reader, part));
                } else if (!part.isFile()) {
                    String value = text(reader, part);
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
        } catch (Rejected rejected) {
            files.forEach(file -> storage.delete(file.path()));
            throw rejected;
        } catch (IOException e) {
            files.forEach(file -> storage.delete(file.path()));
            throw new Rejected(
                    ApiResponse.json(400, ErrorBodies.error("Malformed multipart body: " + e.getMessage())).closing());
        }
        call.markUnread();
        return new Form(content, privateMessage, inReplyTo, List.copyOf(files));
    }

    private Upload store(MultipartReader reader, MultipartReader.PartHeaders part) throws IOException, Rejected {
        Path file = storage.newFile(safeName(part.fileName()));
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 65536),
                sha256)) {
            size = reader.copyBody(out, maxAttachmentSize);
        } catch (IOException e) {
            storage.delete(file);
            throw e;
        }
        if (size < 0) {
            storage.delete(file);
            throw new Rejected(
                    ApiResponse.json(413, ErrorBodies.invalidField("attachments", "attachment '" + part.fileName()
                            + "' is too large (maximum is " + maxAttachmentSize + " bytes)")).closing());
        }
        String contentType = part.contentType() == null ? "application/octet-stream" : part.contentType();
        return new Upload(part.fileName(), contentType, size, HexFormat.of().formatHex(sha256.digest()), file);
    }

    private static String text(MultipartReader reader, MultipartReader.PartHeaders part) throws IOException, Rejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (reader.copyBody(out, MAX_TEXT_PART) < 0) {
            throw new Rejected(ApiResponse.json(413, ErrorBodies.invalidField(String.valueOf(part.name()),
                    part.name() + " is larger than " + MAX_TEXT_PART + " bytes")).closing());
        }
        return out.toString(StandardCharsets.UTF_8);
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
}
