package io.olyx.domain.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server remembers of a request made with an Idempotency-Key: who owns the key, a hash of the request, and
 * once it finished, the response to give every retry.
 */
public record IdempotencyRecord(String scope, String key, String requestHash, Optional<StoredResponse> response,
                                Instant createdAt, Instant expiresAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public record StoredResponse(int status, String body, String contentType) {
        public StoredResponse {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(contentType, "contentType");
        }
    }
}
