package io.olyx.domain.stats;

import io.olyx.domain.trace.Step;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the stats endpoint needs about one hour of one project, in a form that merges: stats over any period
 * are the merge of its hours, so a 24-hour window reads 24 small values instead of a million steps. Built from
 * steps and graded traces with a {@link RollupAccumulator} (or {@link #of(Step)} / {@link #of(GradedTrace)} for
 * one at a time); {@link #merge} is associative and commutative with {@link #empty()} as identity, and the merge
 * of the rollups of any split of the inputs equals the rollup of all of them.
 *
 * @param requestLatency    latency of run steps (every model call)
 * @param modelThink        latency of agent run steps (ones that declared or requested tools)
 * @param toolExec          latency of tool_call steps (time the caller spent running tools)
 * @param cost              run-step spend
 * @param loopInterventions steps recording that loop detection halted an agent ({@code details.loop_intervention})
 * @param traces            what graded traces add
 * @param models            per model, for drift
 */
public record HourlyRollup(LatencySketch requestLatency, LatencySketch modelThink, LatencySketch toolExec,
                           CostTotals cost, long loopInterventions, TraceTotals traces,
                           Map<String, ModelTotals> models) {
    public HourlyRollup {
        Objects.requireNonNull(requestLatency, "requestLatency");
        Objects.requireNonNull(modelThink, "modelThink");
        Objects.requireNonNull(toolExec, "toolExec");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(traces, "traces");
        models = Map.copyOf(models);
    }

    public static HourlyRollup empty() {
        return new HourlyRollup(LatencySketch.empty(), LatencySketch.empty(), LatencySketch.empty(),
                CostTotals.empty(), 0, TraceTotals.empty(), Map.of());
    }

    public static HourlyRollup of(Step step) {
        return new RollupAccumulator().add(step).toRollup();
    }

    public static HourlyRollup of(GradedTrace trace) {
        return new RollupAccumulator().add(trace).toRollup();
    }

    public HourlyRollup merge(HourlyRollup o) {
        Map<String, ModelTotals> mergedModels = new TreeMap<>(models);
        o.models.forEach((model, totals) -> mergedModels.merge(model, totals, ModelTotals::merge));
        return new HourlyRollup(requestLatency.merge(o.requestLatency), modelThink.merge(o.modelThink),
                toolExec.merge(o.toolExec), cost.merge(o.cost), loopInterventions + o.loopInterventions,
                traces.merge(o.traces), mergedModels);
    }

    public static HourlyRollup mergeAll(Iterable<HourlyRollup> rollups) {
        HourlyRollup merged = empty();
        for (HourlyRollup rollup : rollups) {
            merged = merged.merge(rollup);
        }
        return merged;
    }
}
