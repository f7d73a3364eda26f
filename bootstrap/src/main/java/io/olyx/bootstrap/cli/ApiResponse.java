package io.olyx.bootstrap.cli;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * A status and body; for an opened event stream answered with 200 the body is empty and {@code events} yields the
 * lines as they arrive (for any other status the body was read whole and {@code events} is empty).
 */
record ApiResponse(int status, String body, Optional<String> retryAfter, Stream<String> events) {
    boolean successful() {
        return status >= 200 && status < 300;
    }
}
