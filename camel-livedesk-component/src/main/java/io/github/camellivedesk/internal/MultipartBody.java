package io.github.camellivedesk.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;

/**
 * The layout of a {@code multipart/form-data} message (RFC 7578): the text fields, then one {@code attachments[]}
 * part per file. Only the small part headers are held in memory; file bytes are read while the request is written
 * by a {@link MultipartEntityProducer}.
 */
final class MultipartBody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BOUNDARY_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
            .toCharArray();

    /** A part: its header bytes and where its body comes from (text fields are small in-memory sources). */
    record Part(byte[] head, AttachmentSource source, long length) {
    }

    private final String boundary;
    private final List<Part> parts;
    private final byte[] closing;
    private final long contentLength;
    private final boolean repeatable;

    private MultipartBody(String boundary, List<Part> parts, boolean repeatable) {
        this.boundary = boundary;
        this.parts = parts;
        this.closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long total = closing.length;
        for (Part part : parts) {
            if (part.length() < 0 || total < 0) {
                total = -1;
            } else {
                total += part.head().length + part.length() + 2;
            }
        }
        this.contentLength = total;
        this.repeatable = repeatable;
    }

    static MultipartBody of(LiveDeskRequest.Send request) {
        String boundary = newBoundary();
        List<Part> parts = new ArrayList<>();
        if (request.content().value() != null) {
            parts.add(textPart(boundary, "content", request.content().value()));
        }
        if (request.privateMessage().value() != null) {
            parts.add(textPart(boundary, "private", request.privateMessage().value().toString()));
        }
        if (request.inReplyTo().value() != null) {
            // Rails reads nested form fields with bracket keys
            parts.add(textPart(boundary, "content_attributes[in_reply_to]", request.inReplyTo().value().toString()));
        }
        for (Attachment attachment : request.attachments().value()) {
            parts.add(filePart(boundary, attachment));
        }
        // the request's one rule: every file can be read again from the start
        return new MultipartBody(boundary, parts, request.isRepeatable());
    }

    private static Part textPart(String boundary, String name, String value) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n";
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return new Part(head.getBytes(StandardCharsets.UTF_8), new AttachmentSource.ByteArraySource(text),
                text.length);
    }

    private static Part filePart(String boundary, Attachment attachment) {
        AttachmentSource source = AttachmentSource.of(attachment);
        long length;
        try {
            length = source.length();
        } catch (IOException e) {
            throw new LiveDeskValidationException("attachment " + LogSafe.escape(attachment.fileName()),
                    "its size cannot be read: " + LogSafe.quote(e.getMessage()),
                    "Check that the file is readable", e);
        }
        String contentType = attachment.contentType() != null ? attachment.contentType()
                : AttachmentContentTypes.detect(attachment.fileName(), source);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments[]\"; "
                + FileNames.dispositionParameters(attachment.fileName()) + "\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        // the validator has refused content types with control or non-ASCII characters
        return new Part(head.getBytes(StandardCharsets.US_ASCII), source, length);
    }

    private static String newBoundary() {
        char[] chars = new char[32];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = BOUNDARY_CHARS[RANDOM.nextInt(BOUNDARY_CHARS.length)];
        }
        return "LiveDesk-" + new String(chars);
    }

    List<Part> parts() {
        return parts;
    }

    byte[] closing() {
        return closing;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    long contentLength() {
        return contentLength;
    }

    boolean isRepeatable() {
        return repeatable;
    }

    /** A fresh producer that reads the sources from the start, blocking ones (streams) on {@code blockingReads}. */
    AsyncEntityProducer newEntityProducer(java.util.concurrent.Executor blockingReads) {
        return new MultipartEntityProducer(this, blockingReads);
    }
}
