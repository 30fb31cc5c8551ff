package io.github.camellivedesk.error;

/**
 * An input that cannot make a valid LiveDesk request, found before anything was sent.
 * <p>
 * The message names where the value came from (an endpoint option, a header or the body), what is wrong with it and
 * how to fix it. Secret values are never part of it.
 */
public class LiveDeskValidationException extends LiveDeskException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;
    private final String fix;

    public LiveDeskValidationException(String source, String problem, String fix) {
        this(source, problem, fix, null);
    }

    public LiveDeskValidationException(String source, String problem, String fix, Throwable cause) {
        super(source + ": " + problem + ". " + fix, cause);
        this.source = source;
        this.problem = problem;
        this.fix = fix;
    }

    /** Where the bad value came from, e.g. {@code header CamelLiveDeskConversationId}. */
    public String getSource() {
        return source;
    }

    /** What is wrong with the value. */
    public String getProblem() {
        return problem;
    }

    /** How to fix it. */
    public String getFix() {
        return fix;
    }

    @Override
    public boolean isRequestMayHaveReachedLiveDesk() {
        return false;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
