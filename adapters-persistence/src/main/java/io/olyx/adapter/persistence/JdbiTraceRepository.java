package io.olyx.adapter.persistence;

import io.olyx.application.port.TraceRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.util.Optional;

final class JdbiTraceRepository implements TraceRepository {
    private static final TraceDao.Mapper MAPPER = new TraceDao.Mapper();

    private final TraceDao dao;
    private final HotPath hotPath;
    private final TraceRows rows;

    JdbiTraceRepository(TraceDao dao, HotPath hotPath, TraceRows rows) {
        this.dao = dao;
        this.hotPath = hotPath;
        this.rows = rows;
    }

    @Override
    public void insert(Trace trace) {
        hotPath.inTransaction(connection -> TraceRows.insert(connection, rows.toRow(trace)));
    }

    @Override
    public boolean updateIfStatus(Trace trace, TraceStatus expected) {
        return dao.updateIfStatus(rows.toRow(trace), expected.wire()) == 1;
    }

    @Override
    public boolean reviseSummary(Trace trace) {
        return dao.reviseSummary(rows.toRow(trace)) == 1;
    }

    /** Every model call looks its trace up, so this read skips Jdbi's per-statement overhead (see HotPath). */
    @Override
    public Optional<Trace> find(ProjectId project, TraceId id) {
        return hotPath.one("SELECT * FROM traces WHERE id = ? AND project_id = ?", MAPPER, id.value(),
                project.value()).map(rows::toTrace);
    }

    @Override
    public Optional<Trace> findLocked(ProjectId project, TraceId id) {
        return dao.findForUpdate(project.value(), id.value()).map(rows::toTrace);
    }

    @Override
    public Page<Trace> list(ProjectId project, Optional<TraceStatus> status, PageRequest page) {
        String wire = status.map(TraceStatus::wire).orElse(null);
        return new Page<>(dao.list(project.value(), wire, page.perPage(), page.offset()).stream()
                .map(rows::toTrace).toList(), page, dao.count(project.value(), wire));
    }
}
