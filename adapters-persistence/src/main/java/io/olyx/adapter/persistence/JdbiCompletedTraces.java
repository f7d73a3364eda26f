package io.olyx.adapter.persistence;

import io.olyx.application.port.CompletedTraces;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;

final class JdbiCompletedTraces implements CompletedTraces {
    private final CompletedTracesDao dao;
    private final JdbiTraceRepository traces;

    JdbiCompletedTraces(CompletedTracesDao dao, JdbiTraceRepository traces) {
        this.dao = dao;
        this.traces = traces;
    }

    @Override
    public List<Trace> endedBetween(ProjectId project, Instant from, Instant to, int limit) {
        return dao.endedBetween(project.value(), Rows.utc(from), Rows.utc(to), limit).stream()
                .map(traces::toTrace).toList();
    }
}
