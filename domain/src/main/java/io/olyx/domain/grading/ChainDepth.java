package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepType;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The longest chain of tool-call cycles, run → tool_call → run → ...: each run step on the chain that asked for
 * tools is one cycle. A run step continues the run it names through {@code parent_step_id}, directly or through
 * the tool_call step it answers; a run step without a parent continues the run just before it when that one asked
 * for tools (callers of the OpenAI-compatible path do not link steps). 0 when no run step asked for tools.
 */
final class ChainDepth {
    private ChainDepth() {
    }

    /** {@code orderedSteps} must be in the grader's canonical order (created_at, then id). */
    static int of(List<Step> orderedSteps) {
        Map<StepId, Step> byId = new HashMap<>();
        orderedSteps.forEach(step -> byId.put(step.id(), step));
        Map<StepId, Step> continues = new HashMap<>();
        Step previousRun = null;
        for (Step step : orderedSteps) {
            if (step.type() != StepType.RUN) {
                continue;
            }
            Optional<Step> predecessor = linkedRun(step, byId);
            if (predecessor.isEmpty() && step.parentStepId().isEmpty() && previousRun != null
                    && ToolCalls.asksForTools(previousRun)) {
                predecessor = Optional.of(previousRun);
            }
            predecessor.ifPresent(p -> continues.put(step.id(), p));
            previousRun = step;
        }
        Map<StepId, Integer> memo = new HashMap<>();
        int deepest = 0;
        for (Step step : orderedSteps) {
            if (step.type() == StepType.RUN) {
                deepest = Math.max(deepest, cycles(step, continues, memo));
            }
        }
        return deepest;
    }

    private static Optional<Step> linkedRun(Step run, Map<StepId, Step> byId) {
        Optional<Step> parent = run.parentStepId().map(byId::get);
        if (parent.isPresent() && parent.get().type() == StepType.TOOL_CALL) {
            parent = parent.get().parentStepId().map(byId::get);
        }
        return parent.filter(p -> p.type() == StepType.RUN && !p.id().equals(run.id()));
    }

    /** Walks back to a known or chain-starting run, then counts forward; iterative so long agent runs cannot overflow. */
    private static int cycles(Step run, Map<StepId, Step> continues, Map<StepId, Integer> memo) {
        ArrayDeque<Step> path = new ArrayDeque<>();
        Set<StepId> onPath = new HashSet<>();
        Step current = run;
        int base = 0;
        while (current != null) {
            Integer known = memo.get(current.id());
            if (known != null) {
                base = known;
                break;
            }
            if (!onPath.add(current.id())) {
                break;
            }
            path.push(current);
            current = continues.get(current.id());
        }
        int count = base;
        while (!path.isEmpty()) {
            Step step = path.pop();
            count += ToolCalls.asksForTools(step) ? 1 : 0;
            memo.put(step.id(), count);
        }
        return count;
    }
}
