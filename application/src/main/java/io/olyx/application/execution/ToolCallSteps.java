package io.olyx.application.execution;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.Telemetry;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.StepRecorder;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records one tool call's result as a tool_call step linked to the run step that asked for it: the call's id, name
 * and arguments in the details, the result (per the telemetry policy) as output. Used by the client-side tool loop
 * (results sent back by the caller) and by gateways that run tools themselves.
 */
public final class ToolCallSteps {
    private final StepRecorder recorder;
    private final IdGenerator ids;

    public ToolCallSteps(StepRecorder recorder, IdGenerator ids) {
        this.recorder = recorder;
        this.ids = ids;
    }

    public Step record(KeyCaller caller, Step asked, ToolCall call, String result, double latencyMs,
                       Instant startedAt, StepOutcome outcome, Map<String, Object> extraDetails) {
        Step step = step(caller, asked, call, result, latencyMs, startedAt, outcome, extraDetails);
        recorder.record(step);
        return step;
    }

    /** The step {@link #record} records, for a caller that records it otherwise (a caller's answers, together). */
    Step step(KeyCaller caller, Step asked, ToolCall call, String result, double latencyMs, Instant startedAt,
              StepOutcome outcome, Map<String, Object> extraDetails) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tool_call_id", call.id());
        details.put("name", call.name());
        details.put("arguments", call.argumentsValid() ? call.arguments() : call.argumentsJson());
        details.putAll(extraDetails);
        return new Step(ids.nextStepId(), asked.traceId(), caller.projectId(), StepType.TOOL_CALL,
                Optional.of(asked.id()), Optional.of(caller.key().id().value()), Optional.empty(), null,
                Telemetry.text(caller.project().settings(), result), latencyMs, outcome, StepSecurity.clean(),
                details, startedAt);
    }
}
