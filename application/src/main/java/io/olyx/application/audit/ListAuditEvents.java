package io.olyx.application.audit;

import io.olyx.application.port.AuditLog;
import io.olyx.application.port.AuditLog.AuditQuery;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEvent;
import java.util.List;
import java.util.Optional;

/** GET /api/v1/audit-events: newest first, admin or owner only (seed 001). */
public final class ListAuditEvents {
    private final AuditLog log;

    public ListAuditEvents(AuditLog log) {
        this.log = log;
    }

    public Optional<List<AuditEvent>> list(Account actor, AuditQuery query) {
        return actor.role().atLeast(Role.ADMIN) ? Optional.of(log.list(query)) : Optional.empty();
    }
}
