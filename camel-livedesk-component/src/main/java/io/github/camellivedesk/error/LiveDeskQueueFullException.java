package io.github.camellivedesk.error;

/**
 * The component already holds {@code maxQueuedMessages} messages waiting for their turn in a conversation or for
 * the rate limits, so this one was refused at once instead of being queued without bound. Nothing was sent:
 * redelivering it later, when the queue has drained, is safe.
 */
public class LiveDeskQueueFullException extends LiveDeskException {

    private static final long serialVersionUID = 1L;

    private final int maxQueuedMessages;
    private final String heldBy;
    private final String limitOption;

    /**
     * @param maxQueuedMessages the bound that was reached
     * @param heldBy            what the waiting messages wait for, in words (e.g. "the client-wide limit of 3000
     *                          requests per minute")
     * @param limitOption       the option behind that limit, which a user may raise if the LiveDesk plan allows;
     *                          null when the messages wait for their conversation's order
     */
    public LiveDeskQueueFullException(int maxQueuedMessages, String heldBy, String limitOption) {
        super("LiveDesk queue full: " + maxQueuedMessages
                + " messages are already waiting to be sent (option maxQueuedMessages), held back by " + heldBy
                + ". Nothing was sent. Raise maxQueuedMessages"
                + (limitOption == null ? "" : " or " + limitOption)
                + ", or slow down what feeds the producer (for example a seda: queue with blockWhenFull=true).",
                null);
        this.maxQueuedMessages = maxQueuedMessages;
        this.heldBy = heldBy;
        this.limitOption = limitOption;
    }

    /** The bound that was reached: the {@code maxQueuedMessages} option. */
    public int getMaxQueuedMessages() {
        return maxQueuedMessages;
    }

    /** What the waiting messages wait for, in words. */
    public String getHeldBy() {
        return heldBy;
    }

    /**
     * The option of the limit that holds the messages back ({@code rateLimitPerMinute} or
     * {@code conversationRateLimitPerMinute}), or null when they wait for their conversation's order.
     */
    public String getLimitOption() {
        return limitOption;
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return false;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
