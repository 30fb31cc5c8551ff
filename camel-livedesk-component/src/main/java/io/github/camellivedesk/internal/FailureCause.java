package io.github.camellivedesk.internal;

import java.util.concurrent.CompletionException;

/** What a future failed with, as the code that completed it said it. */
public final class FailureCause {

    private FailureCause() {
    }

    /** The failure a stage was completed with, without the CompletionExceptions that dependent stages wrap it in. */
    public static Throwable of(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
