package io.olyx.bootstrap.cli;

import java.util.Objects;
import java.util.Optional;

/** One HTTP call to Olyx as the CLI makes it; retries resend the very same value (same Idempotency-Key). */
record ApiRequest(String method, String path, Optional<String> body, Optional<String> bearer,
                  Optional<String> idempotencyKey) {
    ApiRequest {
        Objects.requireNonNull(method, "method");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bearer, "bearer");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
