package io.olyx.application.port;

import io.olyx.domain.audit.AuditEvent;
import java.util.List;
import java.util.Optional;

public interface AuditLog {
    void append(AuditEvent eventWithoutId);

    List<AuditEvent> list(AuditQuery query);

    record AuditQuery(Optional<String> event, Optional<Long> projectId, Optional<Long> beforeId, int limit) {
    }
}
