package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.util.List;
import java.util.Optional;

/** Reads traces of the caller's project; a trace still in flight gets a live summary computed on read. */
public final class TraceQueries {
    private final TraceRepository traces;
    private final StepRepository steps;
    private final TraceGrading grading;

    public TraceQueries(TraceRepository traces, StepRepository steps, TraceGrading grading) {
        this.traces = traces;
        this.steps = steps;
        this.grading = grading;
    }

    public Page<Trace> list(KeyCaller caller, Optional<TraceStatus> status, PageRequest page) {
        return traces.list(caller.projectId(), status, page);
    }

    public Optional<TraceView> get(KeyCaller caller, TraceId id) {
        return traces.find(caller.projectId(), id).map(trace -> {
            List<Step> recorded = steps.listByTrace(caller.projectId(), id);
            TraceSummary summary = trace.summary()
                    .orElseGet(() -> grading.summarize(trace, recorded));
            return new TraceView(trace, summary, recorded);
        });
    }

    public record TraceView(Trace trace, TraceSummary summary, List<Step> steps) {
    }
}
