package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence that a trace was stalling or looping, and the probability the grader derives from it.
 *
 * <p>stall_probability = 1 − (1 − r)(1 − d)(1 − f)(1 − p), a noisy-OR of four independent signals, each in 0..0.9:
 * <ul>
 *   <li>r, repetition: the same tool called with identical arguments k times → min(0.9, 0.3·(k − 1)), so a
 *       repeat scores 0.3, a third identical call 0.6 (a loop), a fourth 0.9;</li>
 *   <li>d, depth: chain_depth c → min(0.9, max(0, 0.15·(c − 2))): up to two cycles is normal agent work, six
 *       cycles score 0.6;</li>
 *   <li>f, failures: n failed steps → min(0.6, 0.15·n);</li>
 *   <li>p, pending: 0.4 when the last run step still waited on tool calls when the trace ended.</li>
 * </ul>
 * Every signal only grows with its evidence, so the probability does too. Rounded to four decimals.
 *
 * @param identicalCallRepeats the most times one (tool, arguments) pair was requested; 0 without tool calls
 */
public record StallSignals(int identicalCallRepeats, int chainDepth, int failedSteps, boolean pendingAtEnd) {
    public static final int LOOP_REPEATS = 3;

    static StallSignals of(List<Step> orderedSteps, int chainDepth) {
        Map<String, Integer> repeats = new HashMap<>();
        int failed = 0;
        Step lastRun = null;
        for (Step step : orderedSteps) {
            ToolCalls.requested(step).forEach(call -> repeats.merge(call.signature(), 1, Integer::sum));
            failed += step.outcome() == StepOutcome.FAILED ? 1 : 0;
            lastRun = step.type() == StepType.RUN ? step : lastRun;
        }
        int maxRepeats = repeats.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean pending = lastRun != null && ToolCalls.asksForTools(lastRun);
        return new StallSignals(maxRepeats, chainDepth, failed, pending);
    }

    /** The same tool was called with identical arguments {@value #LOOP_REPEATS} or more times. */
    public boolean loopDetected() {
        return identicalCallRepeats >= LOOP_REPEATS;
    }

    public double probability() {
        double repetition = identicalCallRepeats <= 1 ? 0 : Math.min(0.9, 0.3 * (identicalCallRepeats - 1));
        double depth = Math.min(0.9, Math.max(0, 0.15 * (chainDepth - 2)));
        double failures = Math.min(0.6, 0.15 * failedSteps);
        double pending = pendingAtEnd ? 0.4 : 0;
        double calm = (1 - repetition) * (1 - depth) * (1 - failures) * (1 - pending);
        return Rounding.ratio(1 - calm);
    }
}
