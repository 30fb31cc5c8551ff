package io.github.camellivedesk.error;

/**
 * LiveDesk refused to change a conversation's status (HTTP 422): the conversation cannot go from the status it has
 * to the one asked for. Sending the same change again fails the same way; nothing was changed.
 */
public class LiveDeskStatusRefusedException extends LiveDeskHttpException {

    private static final long serialVersionUID = 1L;

    private final String conversationId;
    private final String requestedStatus;

    /**
     * @param refusal         the 422 as the error answer was read
     * @param conversationId  the conversation
     * @param requestedStatus the status asked for
     */
    public LiveDeskStatusRefusedException(LiveDeskHttpException refusal, String conversationId,
            String requestedStatus) {
        super(refusal.getStatusCode(), refusal.getHttpResponseStatus(), refusal.getErrorMessage(),
                refusal.getResponseBodyExcerpt(), refusal.getRetryAfter().orElse(null));
        this.conversationId = conversationId;
        this.requestedStatus = requestedStatus;
    }

    /** The conversation whose status was to change. */
    public String getConversationId() {
        return conversationId;
    }

    /** The status asked for: open, resolved, pending or snoozed. */
    public String getRequestedStatus() {
        return requestedStatus;
    }

    @Override
    public String getMessage() {
        String reason = getErrorMessage();
        return "LiveDesk refused to change conversation " + conversationId + " to " + requestedStatus
                + (reason == null || reason.isEmpty() ? "" : ": " + reason)
                + " (HTTP " + getStatusCode() + "; the conversation keeps its status, and sending the same change "
                + "again fails the same way)";
    }
}
