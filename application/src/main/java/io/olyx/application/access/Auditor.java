package io.olyx.application.access;

import io.olyx.application.port.AuditLog;
import io.olyx.domain.audit.AuditEvent;
import io.olyx.domain.audit.AuditEventType;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Appends audit events with the time and origin filled in, so use cases state only what happened. */
public final class Auditor {
    private final AuditLog log;
    private final Clock clock;

    public Auditor(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(AuditEventType type, Optional<String> actor, Optional<Long> projectId, RequestOrigin origin,
                       Map<String, Object> metadata) {
        log.append(new AuditEvent(0, type.wire(), actor, projectId, origin.ip(), origin.userAgent(), metadata,
                clock.instant()));
    }
}
