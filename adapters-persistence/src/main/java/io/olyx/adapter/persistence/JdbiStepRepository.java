package io.olyx.adapter.persistence;

import io.olyx.application.port.StepRepository;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Optional;

final class JdbiStepRepository implements StepRepository {
    private final StepDao dao;
    private final StepRows rows;

    JdbiStepRepository(StepDao dao, StepRows rows) {
        this.dao = dao;
        this.rows = rows;
    }

    @Override
    public List<Step> listByTrace(ProjectId project, TraceId trace) {
        return dao.listByTrace(project.value(), trace.value()).stream().map(rows::toStep).toList();
    }

    @Override
    public Optional<Step> find(ProjectId project, StepId id) {
        return dao.find(project.value(), id.value()).map(rows::toStep);
    }
}
