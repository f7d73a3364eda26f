package io.olyx.application.trace;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/v1/logs: a custom event (user rating, A/B label...) on a trace. Logs are accepted on pending and on
 * completed traces, because ratings usually arrive after the work is done; re-completing then re-grades with them.
 */
public final class AppendLogStep {
    private final TraceRepository traces;
    private final StepRepository steps;
    private final StepRecorder recorder;
    private final IdGenerator ids;
    private final Clock clock;

    public AppendLogStep(TraceRepository traces, StepRepository steps, StepRecorder recorder, IdGenerator ids,
                         Clock clock) {
        this.traces = traces;
        this.steps = steps;
        this.recorder = recorder;
        this.ids = ids;
        this.clock = clock;
    }

    public Result append(TraceId traceId, Map<String, Object> output, Optional<StepId> parent, KeyCaller caller) {
        Step.validateLogOutput(output);
        Optional<Trace> trace = traces.find(caller.projectId(), traceId);
        if (trace.isEmpty()) {
            return new Result.TraceNotFound();
        }
        TraceStatus status = trace.get().status();
        if (status != TraceStatus.PENDING && status != TraceStatus.COMPLETED) {
            return new Result.TraceClosed(status);
        }
        if (parent.isPresent() && steps.find(caller.projectId(), parent.get())
                .filter(s -> s.traceId().equals(traceId)).isEmpty()) {
            return new Result.ParentNotFound();
        }
        Step step = new Step(ids.nextStepId(), traceId, caller.projectId(), StepType.LOG, parent,
                Optional.of(caller.key().id().value()), Optional.empty(), null, output, 0.0, StepOutcome.OK,
                StepSecurity.clean(), Map.of(), clock.instant());
        recorder.record(step);
        return new Result.Logged(step);
    }

    public sealed interface Result {
        record Logged(Step step) implements Result {
        }

        record TraceNotFound() implements Result {
        }

        record TraceClosed(TraceStatus status) implements Result {
        }

        record ParentNotFound() implements Result {
        }
    }
}
