package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Optional;

public interface StepRepository {
    /** Steps of a trace in recording order. */
    List<Step> listByTrace(ProjectId project, TraceId trace);

    /**
     * The tool_call steps of a trace recorded under any of {@code parents}, in recording order: what the tool loop
     * needs from a long trace without reading all of it.
     */
    List<Step> toolCallsUnder(ProjectId project, TraceId trace, List<StepId> parents);

    Optional<Step> find(ProjectId project, StepId id);
}
