package io.github.camellivedesk.internal;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.WrappedFile;

import io.github.camellivedesk.error.LiveDeskValidationException;
import io.github.camellivedesk.model.Attachment;

/**
 * Reads files to upload from a body or the {@code CamelLiveDeskAttachments} header: {@link File}, {@link Path},
 * Camel's {@link WrappedFile} (the {@code GenericFile} of the file, ftp and sftp components), {@code byte[]},
 * {@link InputStream}, {@link Attachment}, or a collection of these. Nothing is read here; only the sources are
 * recorded.
 */
final class AttachmentBodies {

    static final String HEADER = "header " + HeaderNames.ATTACHMENTS;

    private AttachmentBodies() {
    }

    /** Whether a body is files: one of the attachment types, or a collection (its items are checked when read). */
    static boolean isAttachment(Object body) {
        return body instanceof File || body instanceof Path || body instanceof WrappedFile<?> || body instanceof byte[]
                || body instanceof InputStream || body instanceof Attachment || body instanceof Collection<?>;
    }

    static List<Attachment> fromBody(Exchange exchange, Object body) {
        return toAttachments(exchange, body, "body");
    }

    static List<Attachment> fromHeader(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(HeaderNames.ATTACHMENTS);
        if (header == null) {
            return List.of();
        }
        return toAttachments(exchange, header, HEADER);
    }

    private static List<Attachment> toAttachments(Exchange exchange, Object value, String source) {
        List<Attachment> attachments = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            if (collection.isEmpty()) {
                throw new LiveDeskValidationException(source, "is an empty collection",
                        "Give at least one file, or send a text message instead");
            }
            for (Object item : collection) {
                if (item instanceof Collection<?>) {
                    throw new LiveDeskValidationException(source, "contains a nested collection",
                            "Flatten the list of files");
                }
                attachments.add(single(exchange, item, source));
            }
        } else {
            attachments.add(single(exchange, value, source));
        }
        return attachments;
    }

    private static Attachment single(Exchange exchange, Object item, String source) {
        if (item instanceof Attachment attachment) {
            return attachment;
        }
        if (item instanceof File file) {
            return Attachment.of(file.toPath());
        }
        if (item instanceof Path path) {
            return Attachment.of(path);
        }
        if (item instanceof WrappedFile<?> wrapped) {
            return fromWrappedFile(exchange, wrapped, source);
        }
        if (item instanceof byte[] bytes) {
            return Attachment.of(fileName(exchange, source), bytes);
        }
        if (item instanceof InputStream stream) {
            return Attachment.of(fileName(exchange, source), stream);
        }
        throw new LiveDeskValidationException(source,
                "contains " + (item == null ? "a null" : "a " + item.getClass().getName()),
                "Attachments can be File, Path, GenericFile, byte[], InputStream or Attachment");
    }

    private static Attachment fromWrappedFile(Exchange exchange, WrappedFile<?> wrapped, String source) {
        Object file = wrapped.getFile();
        if (file instanceof File local) {
            return Attachment.of(local.toPath());
        }
        // remote files (ftp, sftp): the consumer has put the content in the body, in memory or as a stream
        Object content = wrapped.getBody();
        if (content instanceof File local) {
            return Attachment.of(local.toPath()).withFileName(fileName(exchange, source));
        }
        if (content instanceof byte[] bytes) {
            return Attachment.of(fileName(exchange, source), bytes);
        }
        InputStream stream = content instanceof InputStream in ? in
                : exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, content);
        if (stream == null) {
            throw new LiveDeskValidationException(source, "is a remote file whose content was not downloaded",
                    "Let the consumer download it (the default) or set localWorkDirectory");
        }
        return Attachment.of(fileName(exchange, source), stream);
    }

    /** The name for in-memory content: {@code CamelFileNameOnly}, else the last segment of {@code CamelFileName}. */
    private static String fileName(Exchange exchange, String source) {
        String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (name == null) {
            name = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        }
        if (name == null || name.isBlank()) {
            throw new LiveDeskValidationException(source, "is content without a file name",
                    "Set the CamelFileName header, or wrap it with Attachment.of(name, content)");
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : name;
    }
}
