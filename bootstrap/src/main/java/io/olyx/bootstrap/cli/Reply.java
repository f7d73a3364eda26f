package io.olyx.bootstrap.cli;

/** How a call ended after its retries: Olyx answered (any status), or it could not be reached at all. */
sealed interface Reply {
    record Answered(ApiResponse response) implements Reply {
    }

    record Unreachable(String reason, int attempts) implements Reply {
    }
}
