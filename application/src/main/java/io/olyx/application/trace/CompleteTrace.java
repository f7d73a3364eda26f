package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.project.ProjectId;
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
 * change is a compare-and-set, so two concurrent completions cannot both win with different outcomes. An ended
 * trace's summary is worked out again when a step lands in it later ({@link #revise}).
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
                return settled(ended, recorded, caller.projectId());
            }
            last = trace.status();
        }
        return new Result.InvalidTransition(last, target);
    }

    /**
     * A step committed after the steps were read but before the status changed is missing from the summary just
     * stored, and its recorder saw the trace still pending; so the steps are read once more now that the status has
     * changed. A step committed after the change finds the trace ended, and its recorder has it revised.
     */
    private Result.Ended settled(Trace ended, List<Step> summarized, ProjectId project) {
        List<Step> recorded = steps.listByTrace(project, ended.id());
        if (recorded.size() == summarized.size()) {
            return new Result.Ended(ended, summarized);
        }
        Trace revised = resummarized(ended, recorded);
        traces.reviseSummary(revised);
        return new Result.Ended(revised, recorded);
    }

    /**
     * Works the summary of an ended trace out again from all its steps, after a step landed in it late: a call
     * admitted while the trace was pending, or a log after completion (see {@link StepRecorder.Landing}).
     */
    public void revise(ProjectId project, TraceId id) {
        traces.find(project, id).filter(trace -> trace.status().ended())
                .ifPresent(trace -> traces.reviseSummary(resummarized(trace, steps.listByTrace(project, id))));
    }

    private Trace resummarized(Trace ended, List<Step> recorded) {
        return ended.ended(ended.status(), ended.endedAt().orElseThrow(), grading.summarize(ended, recorded));
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
