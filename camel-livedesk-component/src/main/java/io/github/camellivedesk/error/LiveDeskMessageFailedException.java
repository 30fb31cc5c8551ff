package io.github.camellivedesk.error;

import io.github.camellivedesk.model.ExternalError;
import io.github.camellivedesk.model.LiveDeskMessage;

/**
 * LiveDesk stored the message but reports it as {@code failed} (HTTP 200 with {@code status: "failed"}), typically
 * because WhatsApp refused it, e.g. {@code 131047} outside the 24-hour window. The message exists in LiveDesk; the
 * {@code livedesk:retry} operation resends it once the cause is gone.
 */
public class LiveDeskMessageFailedException extends LiveDeskException {

    private static final long serialVersionUID = 1L;

    private final transient LiveDeskMessage liveDeskMessage;
    private final transient ExternalError externalError;

    public LiveDeskMessageFailedException(LiveDeskMessage liveDeskMessage) {
        super(describe(liveDeskMessage), null);
        this.liveDeskMessage = liveDeskMessage;
        this.externalError = liveDeskMessage.externalError().orElse(null);
    }

    private static String describe(LiveDeskMessage message) {
        String error = message.externalError().map(ExternalError::toString).orElse("no external_error given");
        return "LiveDesk message " + message.id() + " in conversation " + message.conversationId()
               + " failed: " + error;
    }

    /** The message as LiveDesk stored it. */
    public LiveDeskMessage getLiveDeskMessage() {
        return liveDeskMessage;
    }

    /** The parsed {@code content_attributes.external_error}, or null if the service gave none. */
    public ExternalError getExternalError() {
        return externalError;
    }

    /** The id to pass to {@code livedesk:retry}. */
    public long getMessageId() {
        return liveDeskMessage.id();
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return true;
    }

    @Override
    public boolean isRetryable() {
        return externalError != null && externalError.retryable();
    }
}
