package io.olyx.domain.trace;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded event of a trace: a safety check, a model call, a tool invocation or a custom log. {@code input} and
 * {@code output} are JSON values already shaped by the project's telemetry policy; {@code details} holds what a
 * particular step type needs besides (tool calls, declared tools, thread turn, findings).
 */
public record Step(StepId id, TraceId traceId, ProjectId projectId, StepType type, Optional<StepId> parentStepId,
                   Optional<String> apiKeyId, Optional<ModelCall> modelCall, Object input, Object output,
                   double latencyMs, StepOutcome outcome, StepSecurity security, Map<String, Object> details,
                   Instant createdAt) {
    public Step {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(parentStepId, "parentStepId");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(modelCall, "modelCall");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(createdAt, "createdAt");
        input = JsonValues.freeze(input);
        output = JsonValues.freeze(output);
        details = JsonValues.freezeObject(details == null ? Map.of() : details);
        if (!(latencyMs >= 0)) {
            throw new IllegalArgumentException("latency must not be negative");
        }
    }

    /** The model, provider, tier, usage and fallback attempts of a step that called (or tried to call) a model. */
    public record ModelCall(String model, String provider, String infrastructure, Optional<String> tier,
                            StepUsage usage, List<ProviderAttempt> attempts) {
        public ModelCall {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(infrastructure, "infrastructure");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(usage, "usage");
            attempts = List.copyOf(attempts);
        }
    }

    /** A custom log is an event (a rating, a label, a downstream result), and a trace's view sends all of them. */
    public static void validateLogOutput(Map<String, Object> output) {
        JsonValues.requireAttachedSize("output", JsonValues.jsonLength(output));
    }

    public BigDecimal cost() {
        return modelCall.map(m -> m.usage().cost()).orElse(BigDecimal.ZERO);
    }
}
