package io.olyx.application.trace;

import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.grading.GradingContext;
import io.olyx.domain.grading.TraceGrader;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.util.List;

/** Grades a trace against its project's model catalogue and routing tiers as they are now. */
public final class GradeTraces implements TraceGrading {
    private final ProjectRepository projects;
    private final ModelRepository models;

    public GradeTraces(ProjectRepository projects, ModelRepository models) {
        this.projects = projects;
        this.models = models;
    }

    @Override
    public TraceSummary summarize(Trace trace, List<Step> steps) {
        ProjectSettings settings = projects.findById(trace.projectId()).map(p -> p.settings())
                .orElse(ProjectSettings.empty());
        return TraceGrader.grade(trace, steps, GradingContext.of(models.list(trace.projectId()), settings));
    }
}
