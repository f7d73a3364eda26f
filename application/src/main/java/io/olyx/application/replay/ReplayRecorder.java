package io.olyx.application.replay;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.application.trace.TraceGrading;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records one target of a replay: a replay trace (status replay, replay_of the source) whose steps are the planned
 * run steps sent through the model-call pipeline again, then grades it. Resumable: each replayed step names its
 * source step, so a job that restarts continues the same trace and skips what is already recorded.
 */
final class ReplayRecorder {
    static final String ENDPOINT = "replay";
    static final String REPLAY_OF_STEP = "replay_of_step";

    private final TraceRepository traces;
    private final StepRepository steps;
    private final ReplayStore store;
    private final ModelCallPipeline pipeline;
    private final TraceGrading grading;
    private final IdGenerator ids;
    private final Clock clock;

    ReplayRecorder(TraceRepository traces, StepRepository steps, ReplayStore store, ModelCallPipeline pipeline,
                   TraceGrading grading, IdGenerator ids, Clock clock) {
        this.traces = traces;
        this.steps = steps;
        this.store = store;
        this.pipeline = pipeline;
        this.grading = grading;
        this.ids = ids;
        this.clock = clock;
    }

    record Recorded(Trace trace, List<Step> steps, TraceSummary summary, Optional<Double> outputMatch) {
    }

    Recorded record(KeyCaller caller, Replay replay, Trace source, List<Step> sourceSteps, String target,
                    ReplayPlan plan) {
        Trace trace = replayTrace(replay, source, target);
        Map<StepId, Step> sourceById = new HashMap<>();
        sourceSteps.forEach(step -> sourceById.put(step.id(), step));
        Map<StepId, StepId> replayed = new HashMap<>();
        steps.listByTrace(caller.projectId(), trace.id())
                .forEach(step -> replayOf(step).ifPresent(of -> replayed.put(of, step.id())));
        for (ReplayPlan.Planned planned : plan.steps()) {
            if (!planned.skipped() && !replayed.containsKey(planned.source().id())) {
                Optional<StepId> parent = parentRun(planned.source(), sourceById).map(replayed::get);
                replayed.put(planned.source().id(), call(caller, trace.id(), planned, parent).id());
            }
        }
        List<Step> recorded = steps.listByTrace(caller.projectId(), trace.id());
        TraceSummary summary = grading.summarize(trace, recorded);
        traces.updateIfStatus(trace.ended(TraceStatus.REPLAY, clock.instant(), summary), TraceStatus.REPLAY);
        recorded.stream().filter(ReplayRecorder::unanswered).findFirst().ifPresent(step -> {
            throw noAnswerToCompare(step);
        });
        return new Recorded(trace, recorded, summary, OutputOverlap.of(pairs(recorded, sourceById)));
    }

    private Trace replayTrace(Replay replay, Trace source, String target) {
        Optional<Trace> started = Optional.ofNullable(replay.replayTraces().get(target))
                .flatMap(id -> traces.find(replay.projectId(), id));
        if (started.isPresent()) {
            return started.get();
        }
        Map<String, Object> metadata = new LinkedHashMap<>(source.metadata());
        metadata.put("replay_job", replay.id());
        Trace trace = new Trace(new TraceId(ids.timeOrderedUuid()), replay.projectId(), TraceStatus.REPLAY, metadata,
                source.revenue(), source.localRef(), source.distributionChannel(), Optional.of(source.id()),
                clock.instant(), Optional.empty(), Optional.empty());
        traces.insert(trace);
        store.attachTrace(replay.id(), target, trace.id(), clock.instant());
        return trace;
    }

    private Step call(KeyCaller caller, TraceId trace, ReplayPlan.Planned planned, Optional<StepId> parent) {
        Step source = planned.source();
        if (!(ReplayInput.prompt(source.input()) instanceof ReplayInput.Prompt.Messages prompt)) {
            throw new ReplayFailed("Step " + source.id().value() + " of the source trace kept no prompt to replay");
        }
        ModelRequest request = new ModelRequest(caller, Optional.of(trace), parent, prompt.messages(),
                ReplayInput.tools(source.details()), ToolChoice.AUTO, ReplayInput.options(source.details()),
                new ModelSelection.Explicit(planned.model()), false, ENDPOINT,
                Map.of(REPLAY_OF_STEP, source.id().value()), Map.of());
        return switch (pipeline.replay(request)) {
            case PipelineResult.Answered answered -> answered.step();
            case PipelineResult.Blocked blocked -> blocked.step();
            case PipelineResult.ProviderFailed failed -> failed.step();
            case PipelineResult.PolicyViolation violation -> violation.step();
            case PipelineResult.Embedded embedded -> embedded.step();
            case PipelineResult.Imaged imaged -> imaged.step();
            case PipelineResult.Refused refused -> throw ReplayRefusals.of(refused.refusal());
            case PipelineResult.InputTooLong tooLong -> throw new ReplayFailed("Step " + source.id().value()
                    + " is longer than the project's max_input_length of " + tooLong.limit() + " characters");
            case PipelineResult.Unroutable unroutable -> throw new ReplayFailed("Model " + planned.model()
                    + " cannot be called in this project");
            case PipelineResult.TraceNotFound gone -> throw new IllegalStateException("the replay trace is gone");
            case PipelineResult.TraceClosed closed -> throw new IllegalStateException("the replay trace is closed");
            case PipelineResult.LocalRefRequired required ->
                    throw new IllegalStateException("a replayed call names its replay trace");
            case PipelineResult.ParentStepNotFound orphan ->
                    throw new IllegalStateException("a replayed parent step is missing");
        };
    }

    /** The run step a run continues: its parent, or the run behind the tool_call step it answers. */
    private static Optional<StepId> parentRun(Step run, Map<StepId, Step> sourceById) {
        Optional<Step> parent = run.parentStepId().map(sourceById::get);
        if (parent.isPresent() && parent.get().type() == StepType.TOOL_CALL) {
            parent = parent.get().parentStepId().map(sourceById::get);
        }
        return parent.filter(p -> p.type() == StepType.RUN).map(Step::id);
    }

    /**
     * A replayed step no model answered (the provider failed, or a guardrail now blocks its input before any call)
     * costs nothing and takes no time, so a comparison holding it would show the target cheaper, faster and better
     * graded than it is. An answer withheld for a secret in it was paid for and timed, so it still compares.
     */
    private static boolean unanswered(Step step) {
        return step.outcome() == StepOutcome.FAILED
                || step.outcome() == StepOutcome.BLOCKED && step.modelCall().isEmpty();
    }

    private static ReplayFailed noAnswerToCompare(Step step) {
        String source = replayOf(step).map(id -> "Step " + id.value() + " of the source trace").orElse("A step");
        String model = step.modelCall().map(call -> " on " + call.model()).orElse("");
        String why = step.outcome() == StepOutcome.BLOCKED
                ? "was blocked by the project's guardrails (" + JsonValues.string(step.details(), "reason")
                        .orElse("blocked") + ")"
                : "got no answer from the provider (" + JsonValues.string(step.details(), "error")
                        .orElse("failed") + ")";
        return new ReplayFailed(source + " " + why + " when replayed" + model
                + ", so there is no answer to compare; queue the replay again once it can be answered");
    }

    private static Optional<StepId> replayOf(Step step) {
        return JsonValues.number(step.details(), REPLAY_OF_STEP).map(BigDecimal::longValue).map(StepId::new);
    }

    private static List<OutputOverlap.Pair> pairs(List<Step> recorded, Map<StepId, Step> sourceById) {
        List<OutputOverlap.Pair> pairs = new ArrayList<>();
        for (Step step : recorded) {
            replayOf(step).map(sourceById::get)
                    .ifPresent(source -> pairs.add(new OutputOverlap.Pair(source.output(), step.output())));
        }
        return pairs;
    }
}
