package io.olyx.domain.jobs;

import io.olyx.domain.common.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Work to enqueue. A dedup key makes enqueueing idempotent: while a job with the same key is not finished, enqueueing
 * again returns that job instead of adding another.
 */
public record NewJob(String kind, Optional<Long> projectId, Map<String, Object> payload, int maxAttempts,
                     Instant runAfter, Optional<String> dedupKey) {
    public NewJob {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(runAfter, "runAfter");
        Objects.requireNonNull(dedupKey, "dedupKey");
        payload = JsonValues.freezeObject(payload == null ? Map.of() : payload);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a job needs at least one attempt");
        }
    }
}
