package io.github.camellivedesk.simulator;

import java.nio.file.Path;

/**
 * An uploaded file, stored on disk.
 *
 * @param id          attachment id
 * @param messageId   its message
 * @param fileName    the name the client sent ({@code filename*} preferred over {@code filename})
 * @param contentType the part's content type
 * @param size        bytes received
 * @param sha256      SHA-256 of the bytes, lower-case hex
 * @param path        where the bytes are
 * @param fileType    {@code image}, {@code audio}, {@code video} or {@code file}
 * @param dataUrl     the URL that downloads the bytes
 */
public record StoredAttachment(long id, long messageId, String fileName, String contentType, long size, String sha256,
        Path path, String fileType, String dataUrl) {
}
