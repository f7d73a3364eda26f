package io.olyx.domain.stats;

import io.olyx.domain.grading.ToolCalls;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an {@link HourlyRollup} from many steps and graded traces without copying on every add (rebuilding an
 * hour, or a bench). Which hour an input belongs to is the caller's choice (the step's created_at, the trace's
 * completion). Latency and model-think time are over run steps that made a model call: a run step a guardrail
 * blocked has no model and its few milliseconds of checking would pull the request latency down. Not thread-safe;
 * use one per hour being built and merge the results.
 */
public final class RollupAccumulator {
    private final LatencySketch.Builder requestLatency = new LatencySketch.Builder();
    private final LatencySketch.Builder modelThink = new LatencySketch.Builder();
    private final LatencySketch.Builder toolExec = new LatencySketch.Builder();
    private final Map<String, BigDecimal> costByModel = new HashMap<>();
    private final Map<String, BigDecimal> costByInfrastructure = new HashMap<>();
    private final Map<String, ModelTotals> models = new HashMap<>();
    private BigDecimal totalCost = BigDecimal.ZERO;
    private long loopInterventions;
    private TraceTotals traces = TraceTotals.empty();

    public RollupAccumulator add(Step step) {
        Objects.requireNonNull(step, "step");
        if (Boolean.TRUE.equals(step.details().get("loop_intervention"))) {
            loopInterventions++;
        }
        if (step.type() == StepType.TOOL_CALL) {
            toolExec.add(step.latencyMs());
        }
        if (step.type() != StepType.RUN) {
            return this;
        }
        step.modelCall().ifPresent(call -> {
            requestLatency.add(step.latencyMs());
            if (ToolCalls.isAgentStep(step)) {
                modelThink.add(step.latencyMs());
            }
            BigDecimal cost = step.cost();
            totalCost = totalCost.add(cost);
            costByModel.merge(call.model(), cost, BigDecimal::add);
            costByInfrastructure.merge(call.infrastructure(), cost, BigDecimal::add);
            models.merge(call.model(), new ModelTotals(1, Math.round(Math.min(step.latencyMs(),
                    LatencySketch.MAX_TRACKED_MS) * 1_000), call.usage().totalTokens(), cost, 0, 0), ModelTotals::merge);
        });
        return this;
    }

    public RollupAccumulator add(GradedTrace trace) {
        TraceSummary s = trace.summary();
        int depth = s.chainDepth();
        traces = traces.merge(new TraceTotals(1, s.revenue().orElse(BigDecimal.ZERO),
                s.security().piiDetected() ? 1 : 0, s.security().injectionAttempt() ? 1 : 0,
                s.security().secretLeaked() ? 1 : 0,
                s.security().toolFidelityScore().map(TraceTotals::micros).orElse(0L),
                s.security().toolFidelityScore().isPresent() ? 1 : 0, depth, depth,
                CountHistogram.empty(TraceTotals.DEPTH_BINS).plus(depth), TraceTotals.micros(s.stallProbability()),
                CountHistogram.empty(TraceTotals.STALL_BINS).plus(TraceTotals.stallPercentBin(s.stallProbability()))));
        trace.meanUserRating().ifPresent(rating -> trace.primaryModel().ifPresent(model -> models.merge(model,
                new ModelTotals(0, 0, 0, BigDecimal.ZERO, TraceTotals.micros(rating), 1), ModelTotals::merge)));
        return this;
    }

    /** Loop detection halted an agent before any step was recorded (admission refused the request). */
    public RollupAccumulator addLoopIntervention() {
        loopInterventions++;
        return this;
    }

    public HourlyRollup toRollup() {
        return new HourlyRollup(requestLatency.build(), modelThink.build(), toolExec.build(),
                new CostTotals(totalCost, costByModel, costByInfrastructure), loopInterventions, traces, models);
    }
}
