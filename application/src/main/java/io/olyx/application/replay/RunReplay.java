package io.olyx.application.replay;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.jobs.JobHandler;
import io.olyx.application.jobs.PermanentJobFailure;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.port.ApiKeyRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.application.trace.TraceGrading;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.grading.PrimaryModel;
import io.olyx.domain.grading.StepOrder;
import io.olyx.domain.insight.IntentClassifier;
import io.olyx.domain.insight.ReplayEvidence;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.replay.ComparisonSide;
import io.olyx.domain.replay.ReplayComparison;
import io.olyx.domain.replay.ReplayMode;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The replay job: re-runs the source trace's run steps through the model-call pipeline as the key that queued it
 * (its project, policies, rate limit and spend cap apply), once per target (the source's own models, force_model,
 * or each of compare_models), grades each replay trace and stores the comparison. A replay that cannot succeed
 * (source gone, prompts not stored, key paused) fails with a readable reason; anything else is retried and resumes.
 */
public final class RunReplay implements JobHandler {
    public static final String KIND = "replay";
    static final String SOURCE_TARGET = "source";
    private static final int MAX_ATTEMPTS = 5;

    private final ReplayStore store;
    private final TraceRepository traces;
    private final StepRepository steps;
    private final ModelRepository models;
    private final ApiKeyRepository keys;
    private final ProjectRepository projects;
    private final TraceGrading grading;
    private final ReplayRecorder recorder;
    private final Clock clock;

    public RunReplay(ReplayStore store, TraceRepository traces, StepRepository steps, ModelRepository models,
                     ApiKeyRepository keys, ProjectRepository projects, ModelCallPipeline pipeline,
                     TraceGrading grading, IdGenerator ids, Clock clock) {
        this.store = store;
        this.traces = traces;
        this.steps = steps;
        this.models = models;
        this.keys = keys;
        this.projects = projects;
        this.grading = grading;
        this.recorder = new ReplayRecorder(traces, steps, store, pipeline, grading, ids, clock);
        this.clock = clock;
    }

    static NewJob job(ProjectId project, String replayId, Instant now) {
        return new NewJob(KIND, Optional.of(project.value()), Map.of("replay_id", replayId), MAX_ATTEMPTS, now,
                Optional.empty());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        String id = JsonValues.string(job.payload(), "replay_id")
                .orElseThrow(() -> new PermanentJobFailure("a replay job needs a replay_id"));
        // The row is written in the same transaction as the job; seen missing, it is retried, not failed.
        Replay replay = store.find(id).orElseThrow(() -> new IllegalStateException("replay " + id + " not found"));
        if (!replay.status().finished()) {
            store.markRunning(id, clock.instant());
            try {
                store.complete(id, execute(replay), clock.instant());
            } catch (ReplayFailed failed) {
                store.fail(id, failed.getMessage(), clock.instant());
                throw new PermanentJobFailure(failed.getMessage());
            }
        }
        return Map.of("replay_id", id);
    }

    private ReplayStore.Result execute(Replay replay) {
        KeyCaller caller = caller(replay);
        Trace source = traces.find(replay.projectId(), replay.sourceTraceId())
                .orElseThrow(() -> new ReplayFailed("Source trace not found"));
        // A replay trace carries its source's local_ref; one that would have none may not hold the replayed payloads.
        if (caller.project().settings().localRefRequired() && source.localRef().isEmpty()) {
            throw new ReplayFailed("This project requires a local_ref on every trace, and the source trace has none "
                    + "for its replay to carry");
        }
        List<Step> sourceSteps = steps.listByTrace(replay.projectId(), source.id());
        List<Step> runs = replayableRuns(sourceSteps);
        TraceSummary sourceSummary = source.summary().orElseGet(() -> grading.summarize(source, sourceSteps));
        Map<String, Pricing> prices = models.list(replay.projectId()).stream()
                .collect(Collectors.toMap(ModelDefinition::identifier, ModelDefinition::pricing, (a, b) -> a));
        String intent = IntentClassifier.classify(source.metadata(), runs.get(0).input());
        String sourceModel = PrimaryModel.of(sourceSummary).orElse(runs.get(0).modelCall().orElseThrow().model());
        Map<String, ComparisonSide> sides = new LinkedHashMap<>();
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<ReplayEvidence> evidence = new ArrayList<>();
        boolean modelsChanged = !(replay.overrides().mode() instanceof ReplayMode.Rerun);
        targets(replay.overrides()).forEach((target, overrides) -> {
            ReplayPlan plan = ReplayPlan.of(runs, overrides, prices);
            ReplayRecorder.Recorded recorded = recorder.record(caller, replay, source, sourceSteps, target, plan);
            sides.put(target, ComparisonSide.of(recorded.summary(), recorded.steps()));
            skipped.put(target, plan.skippedCount());
            // a replay that skipped steps (max_cost) answered part of the trace, so it says nothing of the whole
            if (modelsChanged && plan.skippedCount() == 0) {
                evidence.add(new ReplayEvidence(intent, sourceModel, target, sourceSummary.optimizationGrade(),
                        recorded.summary().optimizationGrade(), recorded.outputMatch()));
            }
        });
        ReplayComparison comparison = ReplayComparison.of(replay.overrides().mode(),
                ComparisonSide.of(sourceSummary, sourceSteps), sides);
        return new ReplayStore.Result(comparison, skipped, evidence);
    }

    private KeyCaller caller(Replay replay) {
        ApiKey key = keys.findById(new ApiKeyId(replay.apiKeyId()))
                .orElseThrow(() -> new ReplayFailed("The API key that queued this replay no longer exists"));
        KeyStatus status = key.effectiveStatus(clock.instant());
        if (status != KeyStatus.ACTIVE) {
            throw new ReplayFailed("The API key that queued this replay is " + status.wire());
        }
        return projects.findById(key.projectId()).filter(p -> p.id().equals(replay.projectId()))
                .map(project -> new KeyCaller(key, project))
                .orElseThrow(() -> new ReplayFailed("The replay's project no longer exists"));
    }

    private static List<Step> replayableRuns(List<Step> sourceSteps) {
        List<Step> runs = sourceSteps.stream().filter(s -> s.type() == StepType.RUN && s.modelCall().isPresent())
                .sorted(StepOrder.CANONICAL).toList();
        if (runs.isEmpty()) {
            throw new ReplayFailed("The source trace has no model calls to replay");
        }
        for (Step run : runs) {
            switch (ReplayInput.prompt(run.input())) {
                case ReplayInput.Prompt.Messages kept -> {
                }
                case ReplayInput.Prompt.Anonymized anonymized -> throw new ReplayFailed("The source trace was "
                        + "recorded with anonymized telemetry: its prompts were not stored, so it cannot be replayed");
                case ReplayInput.Prompt.Cleared cleared -> throw new ReplayFailed("Step " + run.id().value()
                        + " of the source trace has no stored prompt (cleared by retention), so it cannot be replayed");
                case ReplayInput.Prompt.Unreadable unreadable -> throw new ReplayFailed("Step " + run.id().value()
                        + " of the source trace holds no conversation to send again, so it cannot be replayed");
            }
        }
        return runs;
    }

    /** Target → the overrides its replay trace follows, in the order the comparison lists them. */
    private static Map<String, ReplayOverrides> targets(ReplayOverrides overrides) {
        Map<String, ReplayOverrides> targets = new LinkedHashMap<>();
        switch (overrides.mode()) {
            case ReplayMode.Rerun rerun -> targets.put(SOURCE_TARGET, overrides);
            case ReplayMode.SingleModel single -> targets.put(single.model(), overrides);
            case ReplayMode.CompareModels compare ->
                    compare.models().forEach(model -> targets.put(model, overrides.forModel(model)));
        }
        return targets;
    }
}
