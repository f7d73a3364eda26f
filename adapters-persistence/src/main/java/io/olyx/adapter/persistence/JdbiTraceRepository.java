package io.olyx.adapter.persistence;

import io.olyx.application.port.TraceRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.util.Optional;

final class JdbiTraceRepository implements TraceRepository {
    private static final TraceDao.Mapper MAPPER = new TraceDao.Mapper();

    private final TraceDao dao;
    private final HotPath hotPath;
    private final JsonCodec json;

    JdbiTraceRepository(TraceDao dao, HotPath hotPath, JsonCodec json) {
        this.dao = dao;
        this.hotPath = hotPath;
        this.json = json;
    }

    @Override
    public void insert(Trace trace) {
        dao.insert(toRow(trace));
    }

    @Override
    public boolean updateIfStatus(Trace trace, TraceStatus expected) {
        return dao.updateIfStatus(toRow(trace), expected.wire()) == 1;
    }

    /** Every model call looks its trace up, so this read skips Jdbi's per-statement overhead (see HotPath). */
    @Override
    public Optional<Trace> find(ProjectId project, TraceId id) {
        return hotPath.one("SELECT * FROM traces WHERE id = ? AND project_id = ?", MAPPER, id.value(),
                project.value()).map(this::toTrace);
    }

    @Override
    public Page<Trace> list(ProjectId project, Optional<TraceStatus> status, PageRequest page) {
        String wire = status.map(TraceStatus::wire).orElse(null);
        return new Page<>(dao.list(project.value(), wire, page.perPage(), page.offset()).stream()
                .map(this::toTrace).toList(), page, dao.count(project.value(), wire));
    }

    private TraceDao.Row toRow(Trace t) {
        return new TraceDao.Row(t.id().value(), t.projectId().value(), t.status().wire(), json.write(t.metadata()),
                t.revenue().orElse(null), t.localRef().orElse(null), t.distributionChannel(),
                t.replayOf().map(TraceId::value).orElse(null), Rows.utc(t.createdAt()),
                t.endedAt().map(Rows::utc).orElse(null), t.summary().map(json::write).orElse(null));
    }

    Trace toTrace(TraceDao.Row r) {
        return new Trace(new TraceId(r.id()), new ProjectId(r.projectId()),
                TraceStatus.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status())),
                json.readObject(r.metadata()), Optional.ofNullable(r.revenue()), Optional.ofNullable(r.localRef()),
                r.distributionChannel(), Optional.ofNullable(r.replayOf()).map(TraceId::new),
                r.createdAt().toInstant(), TraceDao.instant(r.endedAt()),
                Optional.ofNullable(r.summary()).map(s -> json.read(s, TraceSummary.class)));
    }
}
