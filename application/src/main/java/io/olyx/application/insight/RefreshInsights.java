package io.olyx.application.insight;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.port.CompletedTraces;
import io.olyx.application.port.InsightStore;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.StepRepository;
import io.olyx.domain.grading.GradingThresholds;
import io.olyx.domain.insight.Insight;
import io.olyx.domain.insight.InsightInput;
import io.olyx.domain.insight.InsightRules;
import io.olyx.domain.insight.TraceObservation;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recomputes a project's insights from its last {@link #WINDOW} of completed traces and finished replays with the
 * domain's {@link InsightRules}, and stores them so that the same insight is updated rather than repeated. Runs as a
 * job: hourly for every project, and on demand.
 */
public final class RefreshInsights implements JobHandler {
    public static final String KIND = "insights.refresh";
    public static final Duration WINDOW = Duration.ofDays(7);
    /** Newest traces read per refresh; with more in the window, the window shrinks to what was read. */
    static final int MAX_TRACES = 2_000;
    /** Settings key whose object keys name the intents the project already routes with a dedicated rule. */
    public static final String ROUTED_INTENTS = "routing_intents";

    private final ProjectRepository projects;
    private final ModelRepository models;
    private final CompletedTraces traces;
    private final StepRepository steps;
    private final ReplayStore replays;
    private final InsightStore store;
    private final Clock clock;

    public RefreshInsights(ProjectRepository projects, ModelRepository models, CompletedTraces traces,
                           StepRepository steps, ReplayStore replays, InsightStore store, Clock clock) {
        this.projects = projects;
        this.models = models;
        this.traces = traces;
        this.steps = steps;
        this.replays = replays;
        this.store = store;
        this.clock = clock;
    }

    /** One refresh of one project; while it is queued or running another is not added. */
    public static NewJob request(ProjectId project, Instant now) {
        return new NewJob(KIND, Optional.of(project.value()), Map.of("project_id", project.value()), 3, now,
                Optional.of(KIND + ":" + project.value()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        Optional<Project> project = job.projectId().map(ProjectId::new).flatMap(projects::findById);
        return Map.of("insights", project.map(p -> refresh(p).size()).orElse(0));
    }

    public List<Insight> refresh(Project project) {
        Instant now = clock.instant();
        Instant from = now.minus(WINDOW);
        List<Trace> ended = traces.endedBetween(project.id(), from, now, MAX_TRACES);
        List<TraceObservation> observations = ended.stream()
                .flatMap(t -> TraceObservation.of(t, t.summary().orElseThrow(), steps.listByTrace(project.id(), t.id()))
                        .stream())
                .toList();
        InsightInput input = new InsightInput(observations, replays.evidenceSince(project.id(), from),
                catalogue(project.id()), routedIntents(project.settings()), observedWindow(ended, now),
                GradingThresholds.orDefaults(project.settings()).p99AlertMs());
        List<Insight> derived = InsightRules.derive(input);
        store.apply(project.id(), derived, now);
        return derived;
    }

    private static Duration observedWindow(List<Trace> newestFirst, Instant now) {
        if (newestFirst.size() < MAX_TRACES) {
            return WINDOW;
        }
        Duration read = Duration.between(newestFirst.getLast().endedAt().orElse(now.minus(WINDOW)), now);
        return read.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : read;
    }

    private Map<String, Pricing> catalogue(ProjectId project) {
        return models.list(project).stream()
                .collect(Collectors.toMap(ModelDefinition::identifier, ModelDefinition::pricing, (a, b) -> a));
    }

    /** Intents whose rule names something (a tier, a model); a null or blank rule routes nothing. */
    private static Set<String> routedIntents(ProjectSettings settings) {
        return settings.section(ROUTED_INTENTS).orElse(Map.of()).entrySet().stream()
                .filter(e -> e.getValue() != null && !(e.getValue() instanceof String s && s.isBlank()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
