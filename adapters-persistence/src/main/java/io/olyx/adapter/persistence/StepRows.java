package io.olyx.adapter.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Optional;

/**
 * Maps steps to and from their table row; model-call columns are null for steps that called no model. The request
 * fingerprint the pipeline puts in a step's details is also copied to its own indexed column for loop detection.
 */
final class StepRows {
    private static final TypeReference<List<ProviderAttempt>> ATTEMPTS = new TypeReference<>() {
    };

    private final JsonCodec json;

    StepRows(JsonCodec json) {
        this.json = json;
    }

    StepDao.Row toRow(Step s) {
        Optional<Step.ModelCall> call = s.modelCall();
        StepUsage usage = call.map(Step.ModelCall::usage).orElse(StepUsage.none());
        return new StepDao.Row(s.id().value(), s.traceId().value(), s.projectId().value(), s.type().wire(),
                s.parentStepId().map(StepId::value).orElse(null), s.apiKeyId().orElse(null),
                call.map(Step.ModelCall::model).orElse(null), call.map(Step.ModelCall::provider).orElse(null),
                call.map(Step.ModelCall::infrastructure).orElse(null), call.flatMap(Step.ModelCall::tier).orElse(null),
                usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens(), usage.estimated(),
                usage.cost(), s.latencyMs(), s.outcome().wire(), s.security().piiDetected(),
                s.security().injectionAttempt(), s.security().secretLeaked(), s.security().riskScore(),
                json.writeNullable(s.input()), json.writeNullable(s.output()), json.write(s.details()),
                json.write(call.map(Step.ModelCall::attempts).orElse(List.of())), Rows.utc(s.createdAt()),
                s.details().get("fingerprint") instanceof String f ? f : null);
    }

    Step toStep(StepDao.Row r) {
        Optional<Step.ModelCall> call = Optional.ofNullable(r.model()).map(model -> new Step.ModelCall(model,
                r.provider(), r.infrastructure(), Optional.ofNullable(r.tier()),
                new StepUsage(r.promptTokens(), r.completionTokens(), r.cachedTokens(), r.tokensEstimated(), r.cost()),
                json.read(r.attempts(), ATTEMPTS)));
        return new Step(new StepId(r.id()), new TraceId(r.traceId()), new ProjectId(r.projectId()),
                StepType.parse(r.type()).orElseThrow(() -> new IllegalStateException("step type " + r.type())),
                Optional.ofNullable(r.parentStepId()).map(StepId::new), Optional.ofNullable(r.apiKeyId()), call,
                json.readValue(r.input()), json.readValue(r.output()), r.latencyMs(),
                StepOutcome.parse(r.outcome()).orElseThrow(() -> new IllegalStateException("outcome " + r.outcome())),
                new StepSecurity(r.piiDetected(), r.injectionAttempt(), r.secretLeaked(), r.riskScore()),
                json.readObject(r.details()), r.createdAt().toInstant());
    }
}
