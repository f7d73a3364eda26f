package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import java.util.List;

/**
 * Slow steps against the thresholds. Timed steps are check, run and tool_call steps; log steps record an event,
 * not work, and are never timed.
 *
 * @param timedSteps check, run and tool_call steps
 * @param slow       timed steps above step_target_ms (this includes the very slow ones)
 * @param verySlow   timed steps above step_slow_ms
 */
public record LatencyTally(int timedSteps, int slow, int verySlow) {
    public LatencyTally {
        if (timedSteps < 0 || verySlow < 0 || verySlow > slow || slow > timedSteps) {
            throw new IllegalArgumentException("inconsistent latency tally");
        }
    }

    public static boolean isTimed(Step step) {
        return step.type() != StepType.LOG;
    }

    static LatencyTally of(List<Step> steps, GradingThresholds thresholds) {
        int timed = 0;
        int slow = 0;
        int verySlow = 0;
        for (Step step : steps) {
            if (isTimed(step)) {
                timed++;
                slow += step.latencyMs() > thresholds.stepTargetMs() ? 1 : 0;
                verySlow += step.latencyMs() > thresholds.stepSlowMs() ? 1 : 0;
            }
        }
        return new LatencyTally(timed, slow, verySlow);
    }
}
