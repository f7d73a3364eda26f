package io.olyx.adapter.persistence;

import io.olyx.application.port.StepRepository;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepType;
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
    public List<Step> toolCallsUnder(ProjectId project, TraceId trace, List<StepId> parents) {
        if (parents.isEmpty()) {
            return List.of();
        }
        Object[] params = new Object[parents.size() + 3];
        params[0] = project.value();
        params[1] = trace.value();
        params[2] = StepType.TOOL_CALL.wire();
        for (int i = 0; i < parents.size(); i++) {
            params[i + 3] = parents.get(i).value();
        }
        return hotPath.list(StepRows.selectChildren(parents.size()), MAPPER, params).stream().map(rows::toStep)
                .toList();
    }

    @Override
    public Optional<Step> find(ProjectId project, StepId id) {
        return hotPath.one(StepRows.SELECT_ONE, MAPPER, project.value(), id.value()).map(rows::toStep);
    }
}
