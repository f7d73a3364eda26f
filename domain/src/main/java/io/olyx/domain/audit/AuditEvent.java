package io.olyx.domain.audit;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A security-relevant control-plane event (seed 001, "Audit Events"). */
public record AuditEvent(long id, String event, Optional<String> actor, Optional<Long> projectId, String ip,
                         String userAgent, Map<String, Object> metadata, Instant occurredAt) {
    public AuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(projectId, "projectId");
        ip = ip == null ? "" : ip;
        userAgent = userAgent == null ? "" : Characters.truncate(userAgent, 512);
        metadata = JsonValues.freezeObject(metadata == null ? Map.of() : metadata);
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
