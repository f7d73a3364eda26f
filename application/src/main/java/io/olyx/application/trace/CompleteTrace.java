package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PATCH /api/v1/traces/:id/complete: ends a pending trace (completed, failed or canceled) and grades it. The status
 * change is a compare-and-set, so two concurrent completions cannot both win with different outcomes.
 */
public final class CompleteTrace {
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

    public Result end(TraceId id, TraceStatus target, KeyCaller caller) {
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
        TraceSummary summary = grading.summarize(trace, recorded);
        Trace ended = trace.ended(target, endedAt, summary);
        if (!traces.updateIfStatus(ended, trace.status())) {
            Trace now = traces.find(caller.projectId(), id).orElse(trace);
            return new Result.InvalidTransition(now.status(), target);
        }
        return new Result.Ended(ended, recorded);
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
