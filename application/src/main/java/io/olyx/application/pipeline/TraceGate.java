package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepWriter;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first stage of every call: the named trace must be the caller's and still open to this writer (a client's
 * pending trace, or the replay job's own replay trace), a named parent step must be one of its steps; a call naming
 * no trace gets one opened for it, written complete with the call's step, unless the project requires a local_ref
 * on every trace: such a trace would have none.
 */
final class TraceGate {
    private final TraceRepository traces;
    private final StepRepository steps;
    private final StepLog stepLog;

    TraceGate(TraceRepository traces, StepRepository steps, StepLog stepLog) {
        this.traces = traces;
        this.steps = steps;
        this.stepLog = stepLog;
    }

    PipelineResult within(KeyCaller who, StepWriter writer, Optional<TraceId> traceId, Optional<StepId> parent,
                          Map<String, Object> implicitMetadata, String endpoint,
                          Function<TraceHandle, PipelineResult> call) {
        TraceHandle trace;
        if (traceId.isPresent()) {
            Optional<Trace> found = traces.find(who.projectId(), traceId.get());
            if (found.isEmpty()) {
                return new PipelineResult.TraceNotFound();
            }
            if (!found.get().status().acceptsSteps(writer)) {
                return new PipelineResult.TraceClosed(found.get().status());
            }
            trace = TraceHandle.existing(found.get());
        } else if (who.project().settings().localRefRequired()) {
            return new PipelineResult.LocalRefRequired();
        } else {
            trace = stepLog.openImplicit(who, implicitMetadata, endpoint);
        }
        if (parent.isPresent() && (traceId.isEmpty() || steps.find(who.projectId(), parent.get())
                .filter(s -> s.traceId().equals(trace.id())).isEmpty())) {
            return new PipelineResult.ParentStepNotFound();
        }
        return call.apply(trace);
    }
}
