package io.olyx.domain.jobs;

import io.olyx.domain.common.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A unit of durable background work: it survives restarts and runs on exactly one node at a time. */
public record Job(long id, String kind, Optional<Long> projectId, Map<String, Object> payload, JobStatus status,
                  int attempts, int maxAttempts, Instant runAfter, Optional<String> lockedBy,
                  Optional<Instant> lockedUntil, Optional<String> lastError, Map<String, Object> result,
                  Instant createdAt, Instant updatedAt) {
    public Job {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(runAfter, "runAfter");
        Objects.requireNonNull(lockedBy, "lockedBy");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        payload = JsonValues.freezeObject(payload == null ? Map.of() : payload);
        result = JsonValues.freezeObject(result == null ? Map.of() : result);
    }
}
