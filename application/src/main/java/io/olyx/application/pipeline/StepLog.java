package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.model.ModelCatalog;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.StepRecorder;
import io.olyx.domain.grading.GradingContext;
import io.olyx.domain.grading.TraceGrader;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the pipeline's steps: what each outcome records, shaped by the project's telemetry policy, made durable
 * through the {@link StepRecorder} before the caller hears back.
 */
public final class StepLog {
    private final StepRecorder recorder;
    private final IdGenerator ids;
    private final ModelCatalog catalog;
    private final Clock clock;

    public StepLog(StepRecorder recorder, IdGenerator ids, ModelCatalog catalog, Clock clock) {
        this.recorder = recorder;
        this.ids = ids;
        this.catalog = catalog;
        this.clock = clock;
    }

    TraceHandle openImplicit(KeyCaller caller, Map<String, Object> metadata, String endpoint) {
        Trace.validateMetadata(metadata);
        Map<String, Object> labelled = new LinkedHashMap<>(Pseudonyms.metadata(caller.project().settings(), metadata));
        labelled.putIfAbsent("source", endpoint);
        return TraceHandle.implicit(new Trace(new TraceId(ids.timeOrderedUuid()), caller.projectId(),
                TraceStatus.PENDING, labelled, Optional.empty(), Optional.empty(),
                DistributionPolicy.of(caller.project().settings()).distributionChannel(), Optional.empty(),
                clock.instant(), Optional.empty(), Optional.empty()));
    }

    Step blocked(StepDraft draft, String reason, Map<String, Object> extra) {
        Map<String, Object> details = draft.baseDetails();
        details.put("reason", reason);
        details.putAll(extra);
        return write(draft, Optional.empty(), null, StepOutcome.BLOCKED, draft.security(), details);
    }

    Step failed(StepDraft draft, ProviderCall.Failed<?> failed, BigDecimal cost) {
        Map<String, Object> details = draft.baseDetails();
        details.put("error", failed.failure().kind().name().toLowerCase(Locale.ROOT));
        StepUsage usage = failed.partial().map(p -> usage(p, cost)).orElse(StepUsage.none());
        Object output = failed.partial().map(p -> Telemetry.text(settings(draft), p.text())).orElse(null);
        return write(draft, Optional.of(modelCall(draft, failed.lastModel(), usage, failed.attempts())), output,
                StepOutcome.FAILED, draft.security(), details);
    }

    Step answered(StepDraft draft, ModelRequest request, Screening screening, ModelDefinition model,
                  ChatResult result, List<ProviderAttempt> attempts, BigDecimal cost, GuardReport outputReport,
                  boolean withheld) {
        Map<String, Object> details = draft.baseDetails();
        details.put("finish_reason", result.finishReason().wire());
        if (result.hasToolCalls()) {
            details.put("tool_calls", result.toolCalls().stream().map(StepLog::toolCall).toList());
        }
        if (!request.tools().isEmpty()) {
            details.put("tools", request.tools().stream().map(StepLog::tool).toList());
        }
        Map<String, Object> options = request.options().toWire();
        if (!options.isEmpty()) {
            details.put("options", options);
        }
        if (!screening.piiEntities().isEmpty()) {
            details.put("pii_entities", screening.piiEntities().stream()
                    .map(e -> Map.of("type", e.type(), "start", e.start(), "end", e.end())).toList());
        }
        if (withheld) {
            details.put("reason", "secret_detected_in_output");
        }
        StepSecurity in = draft.security();
        StepSecurity security = new StepSecurity(in.piiDetected(), in.injectionAttempt(),
                in.secretLeaked() || outputReport.secretLeaked(), Math.max(in.riskScore(), outputReport.riskScore()));
        StepOutcome outcome = withheld ? StepOutcome.BLOCKED
                : result.hasToolCalls() ? StepOutcome.TOOL_CALLS_PENDING : StepOutcome.OK;
        return write(draft, Optional.of(modelCall(draft, model, usage(result, cost), attempts)),
                Telemetry.text(settings(draft), result.text()), outcome, security, details);
    }

    /** A call answered with something other than chat text (embeddings, images); {@code output} is a summary. */
    Step called(StepDraft draft, ModelDefinition model, StepUsage usage, List<ProviderAttempt> attempts,
                Map<String, Object> output) {
        return write(draft, Optional.of(modelCall(draft, model, usage, attempts)), output, StepOutcome.OK,
                draft.security(), draft.baseDetails());
    }

    private Step write(StepDraft draft, Optional<Step.ModelCall> call, Object output,
                       StepOutcome outcome, StepSecurity security, Map<String, Object> details) {
        Step step = new Step(ids.nextStepId(), draft.trace().id(), draft.caller().projectId(), StepType.RUN,
                draft.parentStepId(), Optional.of(draft.caller().key().id().value()), call, draft.input(), output,
                draft.latencyMs(), outcome, security, details, draft.started());
        if (draft.trace().implicit()) {
            recorder.recordWithTrace(completed(draft.trace().get(), step, draft.caller().project()), step);
        } else {
            recorder.record(step);
        }
        return step;
    }

    /**
     * A trace the pipeline opened holds its one call, so it is written already complete and graded, with that
     * call's step: against the cached model catalogue and the caller's project, as routing saw them.
     */
    private Trace completed(Trace opened, Step step, Project project) {
        GradingContext context = GradingContext.of(catalog.all(project.id()), project.settings());
        return opened.ended(TraceStatus.COMPLETED, clock.instant(), TraceGrader.grade(opened, List.of(step), context));
    }

    private static ProjectSettings settings(StepDraft draft) {
        return draft.caller().project().settings();
    }

    private static Step.ModelCall modelCall(StepDraft draft, ModelDefinition model, StepUsage usage,
                                            List<ProviderAttempt> attempts) {
        return new Step.ModelCall(model.identifier(), model.provider().wire(), model.infrastructure(), draft.tier(),
                usage, attempts);
    }

    static StepUsage usage(TokenUsage usage, BigDecimal cost) {
        return new StepUsage(usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens(),
                usage.estimated(), cost);
    }

    private static StepUsage usage(ChatResult result, BigDecimal cost) {
        return usage(result.usage(), cost);
    }

    static Map<String, Object> toolCall(ToolCall call) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", call.id());
        json.put("name", call.name());
        json.put("arguments", call.argumentsValid() ? call.arguments() : call.argumentsJson());
        return json;
    }

    private static Map<String, Object> tool(ToolDefinition tool) {
        return Map.of("name", tool.name(), "description", tool.description(), "parameters", tool.parameters());
    }
}
