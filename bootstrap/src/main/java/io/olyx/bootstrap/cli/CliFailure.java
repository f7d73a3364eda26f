package io.olyx.bootstrap.cli;

import java.util.Optional;

/**
 * Ends a command with an exit code and a message for stderr. Thrown from deep inside a command (policy checks,
 * HTTP error answers) so each command reads as its happy path; {@link CliContext#run} is the one place it is caught.
 */
final class CliFailure extends RuntimeException {
    private final Exit exit;
    private final Optional<String> errorBody;

    CliFailure(Exit exit, String message) {
        this(exit, message, Optional.empty());
    }

    CliFailure(Exit exit, String message, Optional<String> errorBody) {
        super(message, null, false, false);
        this.exit = exit;
        this.errorBody = errorBody;
    }

    static CliFailure usage(String message) {
        return new CliFailure(Exit.USAGE, message);
    }

    static CliFailure policy(String message) {
        return new CliFailure(Exit.POLICY, message + "; failing closed");
    }

    /** Keeps the interrupt visible to the caller and ends the command (Ctrl-C during a wait). */
    static CliFailure interrupted() {
        Thread.currentThread().interrupt();
        return new CliFailure(Exit.UNAVAILABLE, "interrupted");
    }

    Exit exit() {
        return exit;
    }

    /** The server's JSON error document, printed as is with --json. */
    Optional<String> errorBody() {
        return errorBody;
    }
}
