package io.github.camellivedesk.simulator;

/** A request refused while it was read: carries the answer to send. Control flow, so no stack trace. */
final class Rejected extends Exception {

    private final transient ApiResponse response;

    Rejected(ApiResponse response) {
        super(null, null, false, false);
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
