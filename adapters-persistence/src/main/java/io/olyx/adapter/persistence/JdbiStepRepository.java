package io.olyx.adapter.persistence;

import io.olyx.application.port.StepRepository;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Optional;

final class JdbiStepRepository implements StepRepository {
    private static final StepTable.Mapper MAPPER = new StepTable.Mapper();

    private final HotPath hotPath;
    private final StepRows rows;

    JdbiStepRepository(HotPath hotPath, StepRows rows) {
        this.hotPath = hotPath;
        this.rows = rows;
    }

    @Override
    public List<Step> listByTrace(ProjectId project, TraceId trace) {
        return hotPath.list(StepRows.SELECT_BY_TRACE, MAPPER, project.value(), trace.value()).stream()
                .map(rows::toStep).toList();
    }

    @Override
    public Optional<Step> find(ProjectId project, StepId id) {
        return hotPath.one(StepRows.SELECT_ONE, MAPPER, project.value(), id.value()).map(rows::toStep);
    }
}
