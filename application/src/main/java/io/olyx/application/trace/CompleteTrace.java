package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PATCH /api/v1/traces/:id/complete: ends a pending trace (completed, failed or canceled) and grades it. The status
 * change is a compare-and-set, so two concurrent completions cannot both win with different outcomes.
 */
public final class CompleteTrace {
    /** A status only moves forward a few times, so a write loses a race at most that often. */
    private static final int MAX_ATTEMPTS = 5;

    private final TraceRepository traces;
    private final StepRepository steps;
    private final TraceGrading grading;
    private final Clock clock;

    public CompleteTrace(TraceRepository traces, StepRepository steps, TraceGrading grading, Clock clock) {
        this.traces = traces;
        this.steps = steps;
        this.grading = grading;
        this.clock = clock;
    }

    /**
     * Ends the trace in {@code target} if its state machine allows it. The write is conditional on the status it
     * was read in; when a concurrent request changed that status first, the trace is read again and judged on
     * its new status, so two parallel completes both succeed, as a complete after a complete does.
     */
    public Result end(TraceId id, TraceStatus target, KeyCaller caller) {
        TraceStatus last = target;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Trace> found = traces.find(caller.projectId(), id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            Trace trace = found.get();
            if (!trace.status().canBecome(target)) {
                return new Result.InvalidTransition(trace.status(), target);
            }
            List<Step> recorded = steps.listByTrace(caller.projectId(), id);
            Instant endedAt = trace.endedAt().orElseGet(clock::instant);
            Trace ended = trace.ended(target, endedAt, grading.summarize(trace, recorded));
            if (traces.updateIfStatus(ended, trace.status())) {
                return new Result.Ended(ended, recorded);
            }
            last = trace.status();
        }
        return new Result.InvalidTransition(last, target);
    }

    public sealed interface Result {
        record Ended(Trace trace, List<Step> steps) implements Result {
        }

        record NotFound() implements Result {
        }

        record InvalidTransition(TraceStatus from, TraceStatus to) implements Result {
        }
    }
}
