package io.olyx.adapter.persistence;

import io.olyx.application.port.AuditLog;
import io.olyx.domain.audit.AuditEvent;
import java.util.List;
import java.util.Optional;

final class JdbiAuditLog implements AuditLog {
    private final AuditDao dao;
    private final JsonCodec json;

    JdbiAuditLog(AuditDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public void append(AuditEvent e) {
        dao.insert(e.event(), e.actor().orElse(null), e.projectId().orElse(null), e.ip(), e.userAgent(),
                json.write(e.metadata()), Rows.utc(e.occurredAt()));
    }

    @Override
    public List<AuditEvent> list(AuditQuery q) {
        return dao.list(q.event().orElse(null), q.projectId().orElse(null), q.beforeId().orElse(null), q.limit())
                .stream()
                .map(r -> new AuditEvent(r.id(), r.event(), Optional.ofNullable(r.actor()),
                        Optional.ofNullable(r.projectId()), r.ip(), r.userAgent(), json.readObject(r.metadata()),
                        r.occurredAt().toInstant()))
                .toList();
    }
}
