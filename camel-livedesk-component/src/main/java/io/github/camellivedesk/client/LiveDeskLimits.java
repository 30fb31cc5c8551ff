package io.github.camellivedesk.client;

/**
 * The service's documented limits, checked before sending so that an oversized request fails fast with a clear
 * message instead of after an upload. Defaults are LiveDesk's (Chatwoot's) own.
 *
 * @param maxContentLength  characters of {@code content}
 * @param maxAttachments    files per message
 * @param maxAttachmentSize bytes per file, checked where the size is known before sending
 */
public record LiveDeskLimits(int maxContentLength, int maxAttachments, long maxAttachmentSize) {

    /** 150,000 characters, 15 files, 40 MB per file. */
    public static final LiveDeskLimits DEFAULT = new LiveDeskLimits(150_000, 15, 40L * 1024 * 1024);

    public LiveDeskLimits {
        if (maxContentLength < 1 || maxAttachments < 1 || maxAttachmentSize < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxContentLength + ", "
                                               + maxAttachments + ", " + maxAttachmentSize);
        }
    }
}
