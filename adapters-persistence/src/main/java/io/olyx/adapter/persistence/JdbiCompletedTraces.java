package io.olyx.adapter.persistence;

import io.olyx.application.port.CompletedTraces;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;

final class JdbiCompletedTraces implements CompletedTraces {
    private final CompletedTracesDao dao;
    private final TraceRows rows;

    JdbiCompletedTraces(CompletedTracesDao dao, TraceRows rows) {
        this.dao = dao;
        this.rows = rows;
    }

    @Override
    public List<Trace> endedBetween(ProjectId project, Instant from, Instant to, int limit) {
        return dao.endedBetween(project.value(), Rows.utc(from), Rows.utc(to), limit).stream()
                .map(rows::toTrace).toList();
    }
}
