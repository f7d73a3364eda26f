package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.admission.Admission;
import io.olyx.application.admission.AdmissionControl;
import io.olyx.application.admission.SpendHold;
import io.olyx.application.port.TokenEstimator;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.admission.RequestFingerprint;
import io.olyx.domain.admission.SpendReservation;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.guard.Redactor;
import io.olyx.domain.guard.SecretAction;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.routing.RoutingInput;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.Trace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one path every model call takes (ARCHITECTURE.md, "The pipeline"): trace check, admission (rate, loop),
 * input guardrails, routing, spend hold, provider call along the fallback path, output guardrails, pricing, and a
 * durable step, recorded before the caller gets its answer. Endpoints differ only in how they build the request and
 * render the result.
 */
public final class ModelCallPipeline {
    private final TraceRepository traces;
    private final StepRepository steps;
    private final AdmissionControl admission;
    private final InputScreen inputScreen;
    private final Guardrails guardrails;
    private final RouteResolver routes;
    private final FallbackCaller caller;
    private final TokenEstimator tokens;
    private final StepLog stepLog;
    private final Clock clock;
    private final Redactor redactor = new Redactor();

    public ModelCallPipeline(TraceRepository traces, StepRepository steps, AdmissionControl admission,
                             InputScreen inputScreen, Guardrails guardrails, RouteResolver routes,
                             FallbackCaller caller, TokenEstimator tokens, StepLog stepLog, Clock clock) {
        this.traces = traces;
        this.steps = steps;
        this.admission = admission;
        this.inputScreen = inputScreen;
        this.guardrails = guardrails;
        this.routes = routes;
        this.caller = caller;
        this.tokens = tokens;
        this.stepLog = stepLog;
        this.clock = clock;
    }

    public PipelineResult call(ModelRequest request) {
        return run(request, Optional.empty());
    }

    /** As {@link #call}, delivering the answer to {@code sink} as the provider produces it. */
    public PipelineResult stream(ModelRequest request, StreamSink sink) {
        return run(request, Optional.of(sink));
    }

    private PipelineResult run(ModelRequest request, Optional<StreamSink> sink) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        KeyCaller who = request.caller();
        TraceHandle trace;
        if (request.traceId().isPresent()) {
            Optional<Trace> found = traces.find(who.projectId(), request.traceId().get());
            if (found.isEmpty()) {
                return new PipelineResult.TraceNotFound();
            }
            if (!found.get().status().acceptsSteps()) {
                return new PipelineResult.TraceClosed(found.get().status());
            }
            trace = TraceHandle.existing(found.get());
        } else {
            trace = stepLog.openImplicit(who, request.traceMetadata(), request.endpoint());
        }
        if (request.parentStepId().isPresent() && (request.traceId().isEmpty() || steps.find(who.projectId(),
                request.parentStepId().get()).filter(s -> s.traceId().equals(trace.id())).isEmpty())) {
            return new PipelineResult.ParentStepNotFound();
        }
        try {
            return admitted(request, sink, trace, started, startNanos);
        } finally {
            stepLog.closeImplicit(trace, who);
        }
    }

    private PipelineResult admitted(ModelRequest request, Optional<StreamSink> sink, TraceHandle trace,
                                    Instant started, long startNanos) {
        KeyCaller who = request.caller();
        String fingerprint = RequestFingerprint.of(fingerprintParts(request));
        StepDraft draft = new StepDraft(request, trace, fingerprint, started, startNanos);
        Admission admitted = admission.admit(who, trace.id(), fingerprint);
        if (admitted instanceof Admission.Refused refused) {
            if (refused.reason() == Admission.Reason.LOOP_DETECTED) {
                stepLog.blocked(draft, StepSecurity.clean(), refused.message(), Map.of("loop_intervention", true));
            }
            return new PipelineResult.Refused(refused);
        }
        GuardPolicy policy = GuardPolicies.of(who.project().settings());
        int inputLength = request.messages().stream().filter(m -> m.role() == ChatRole.USER)
                .mapToInt(m -> m.content().length()).sum();
        if (inputLength > policy.maxInputLength()) {
            return new PipelineResult.InputTooLong(policy.maxInputLength());
        }
        Screening screening = inputScreen.screen(request.messages(), policy, request.redactPii());
        draft = draft.screened(screening);
        if (screening.blocked()) {
            String reason = Screening.reasonText(screening.blockReason().get());
            Step step = stepLog.blocked(draft, screening.security(), reason,
                    Map.of("reason_code", screening.blockReason().get()));
            return new PipelineResult.Blocked(trace.get(), step, screening.blockReason().get(), screening);
        }
        Route route = switch (request.selection()) {
            case ModelSelection.Routed routed -> routes.routed(who.project(), routingInput(request, screening));
            case ModelSelection.Explicit explicit -> routes.explicit(who.project(), explicit.identifier(),
                    screening.sensitive());
        };
        return switch (route) {
            case Route.Resolved resolved -> called(draft.routed(resolved), resolved, sink);
            case Route.Blocked blocked -> {
                Step step = stepLog.blocked(draft, screening.security(), blocked.reason(),
                        Map.of("tier", blocked.tier()));
                yield new PipelineResult.Blocked(trace.get(), step, blocked.reason(), screening);
            }
            case Route.Unconfigured unconfigured -> new PipelineResult.Unroutable(unconfigured);
            case Route.UnknownModel unknown -> new PipelineResult.Unroutable(unknown);
        };
    }

    private PipelineResult called(StepDraft draft, Route.Resolved route, Optional<StreamSink> sink) {
        ModelRequest request = draft.request();
        ChatRequest chat = new ChatRequest(draft.screening().messages(), request.tools(), request.toolChoice(),
                request.options());
        Optional<SpendHold> hold = admission.hold(request.caller(), worstCase(route.path(), chat, request));
        if (hold.isEmpty()) {
            return new PipelineResult.Refused(AdmissionControl.spendRefusal(request.caller()));
        }
        ProviderCall outcome = sink.isPresent() ? caller.stream(route.path(), chat, sink.get())
                : caller.call(route.path(), chat);
        return switch (outcome) {
            case ProviderCall.Succeeded ok -> answered(draft, ok, hold.get(), sink.isPresent());
            case ProviderCall.Failed failed -> {
                BigDecimal cost = failed.partial().map(p -> cost(failed.lastModel(), p)).orElse(BigDecimal.ZERO);
                Step step = stepLog.failed(draft, failed, cost);
                admission.settle(hold.get(), cost);
                yield new PipelineResult.ProviderFailed(draft.trace().get(), step, failed);
            }
        };
    }

    private PipelineResult answered(StepDraft draft, ProviderCall.Succeeded ok, SpendHold hold, boolean streamed) {
        GuardPolicy policy = GuardPolicies.of(draft.request().caller().project().settings());
        GuardReport outputReport = guardrails.scanOutput(ok.result().text(), policy);
        ChatResult result = ok.result();
        boolean withheld = false;
        if (outputReport.secretLeaked() && !streamed) {
            if (policy.secretAction() == SecretAction.REDACT) {
                result = new ChatResult(redactor.redact(result.text(), outputReport.findings()), result.toolCalls(),
                        result.finishReason(), result.usage(), result.model());
            } else if (policy.secretAction() == SecretAction.BLOCK) {
                withheld = true;
            }
        }
        BigDecimal cost = cost(ok.model(), result);
        Step step = stepLog.answered(draft, ok.model(), result, ok.attempts(), cost, outputReport, withheld);
        admission.settle(hold, cost);
        if (withheld) {
            return new PipelineResult.Blocked(draft.trace().get(), step, "secret_detected_in_output",
                    draft.screening());
        }
        return new PipelineResult.Answered(draft.trace().get(), step, result, ok.model(), draft.tier(),
                draft.screening());
    }

    private BigDecimal worstCase(List<ModelDefinition> path, ChatRequest chat, ModelRequest request) {
        long prompt = tokens.promptTokens(chat);
        long completion = request.options().maxTokens().isPresent() ? request.options().maxTokens().getAsInt()
                : request.caller().project().settings().number("budget", "reserve_output_tokens")
                .map(BigDecimal::longValue).orElse((long) SpendReservation.DEFAULT_RESERVED_COMPLETION_TOKENS);
        return path.stream().map(m -> SpendReservation.estimate(m.pricing(), prompt, completion))
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    static BigDecimal cost(ModelDefinition model, ChatResult result) {
        return model.pricing().cost(result.usage().promptTokens(), result.usage().completionTokens());
    }

    private static RoutingInput routingInput(ModelRequest request, Screening screening) {
        List<ChatMessage> messages = request.messages();
        String lastUser = "";
        int prior = 0;
        long chars = 0;
        boolean toolResults = false;
        for (ChatMessage m : messages) {
            chars += m.content().length();
            if (m.role() == ChatRole.USER) {
                lastUser = m.content();
            } else if (m.role() == ChatRole.ASSISTANT || m.role() == ChatRole.TOOL) {
                prior++;
            }
            toolResults |= m.role() == ChatRole.TOOL;
        }
        return new RoutingInput(lastUser, messages.size(), chars, Math.min(prior, messages.size() - 1),
                !request.tools().isEmpty(), toolResults, screening.sensitive());
    }

    private static List<String> fingerprintParts(ModelRequest request) {
        List<String> parts = new ArrayList<>();
        for (ChatMessage m : request.messages()) {
            parts.add(m.role().wire() + ":" + m.content());
            m.toolCalls().forEach(c -> parts.add("call:" + c.name() + ":" + c.argumentsJson()));
        }
        return parts;
    }

    /** The facts about a call gathered stage by stage, from which its step is written. */
    record StepDraft(ModelRequest request, TraceHandle trace, String fingerprint, Instant started, long startNanos,
                     Screening screening, Optional<Route.Resolved> route) {
        StepDraft(ModelRequest request, TraceHandle trace, String fingerprint, Instant started, long startNanos) {
            this(request, trace, fingerprint, started, startNanos, null, Optional.empty());
        }

        StepDraft screened(Screening newScreening) {
            return new StepDraft(request, trace, fingerprint, started, startNanos, newScreening, route);
        }

        StepDraft routed(Route.Resolved resolved) {
            return new StepDraft(request, trace, fingerprint, started, startNanos, screening, Optional.of(resolved));
        }

        /** The conversation as sent on: redacted where the guardrails redacted it. */
        List<ChatMessage> recordedMessages() {
            return screening == null ? request.messages() : screening.messages();
        }

        Optional<String> tier() {
            return route.flatMap(Route.Resolved::tier);
        }

        Map<String, Object> baseDetails() {
            Map<String, Object> details = new LinkedHashMap<>(request.stepDetails());
            details.put("endpoint", request.endpoint());
            details.put("fingerprint", fingerprint);
            return details;
        }

        double latencyMs() {
            return (System.nanoTime() - startNanos) / 1_000_000.0;
        }
    }
}
