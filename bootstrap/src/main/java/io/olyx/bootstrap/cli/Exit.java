package io.olyx.bootstrap.cli;

/** The CLI's documented exit codes (docs/cli.md); scripts branch on these, so they never change meaning. */
enum Exit {
    OK(0),
    USAGE(1),
    POLICY(2),
    AUTH(3),
    NOT_FOUND(4),
    REJECTED(5),
    CONFLICT(6),
    LIMITED(7),
    UNAVAILABLE(8),
    JOB_FAILED(9),
    BLOCKED(10);

    private final int code;

    Exit(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The exit code for a final (already retried) HTTP error status. */
    static Exit forStatus(int status) {
        return switch (status) {
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 429 -> LIMITED;
            default -> status >= 500 ? UNAVAILABLE : REJECTED;
        };
    }
}
