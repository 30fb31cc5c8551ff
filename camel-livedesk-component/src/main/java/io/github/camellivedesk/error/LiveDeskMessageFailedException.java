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
        this(liveDeskMessage, null);
    }

    /**
     * @param conversationId the conversation the request went to, named when the answer has no
     *                       {@code conversation_id} (LiveDesk's own failure example has none)
     */
    public LiveDeskMessageFailedException(LiveDeskMessage liveDeskMessage, String conversationId) {
        super(describe(liveDeskMessage, conversationId), null);
        this.liveDeskMessage = liveDeskMessage;
        this.externalError = liveDeskMessage.externalError().orElse(null);
    }

    private static String describe(LiveDeskMessage message, String conversationId) {
        String error = message.externalError().map(ExternalError::toString).orElse("no external_error given");
        Object conversation = message.conversationId() != null ? message.conversationId()
                : conversationId != null ? conversationId : "(not given)";
        return "LiveDesk message " + message.id() + " in conversation " + conversation + " failed: " + error;
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
