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
import io.olyx.domain.common.Characters;
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
import io.olyx.domain.trace.StepWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The one path every model call takes (ARCHITECTURE.md, "The pipeline"): trace check, admission (rate, loop),
 * input guardrails, routing, spend hold, provider call along the fallback path, output guardrails, pricing, and a
 * durable step, recorded before the caller gets its answer. Endpoints differ only in how they build the request and
 * render the result.
 */
public final class ModelCallPipeline {
    private final TraceGate gate;
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
        this.gate = new TraceGate(traces, steps, stepLog);
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
        return run(request, StepWriter.CLIENT, Optional.empty());
    }

    /** As {@link #call}, delivering the answer to {@code sink} as the provider produces it. */
    public PipelineResult stream(ModelRequest request, StreamSink sink) {
        return run(request, StepWriter.CLIENT, Optional.of(sink));
    }

    /** The replay job's call: the only one that may add a step to a replay trace (and only to one). */
    public PipelineResult replay(ModelRequest request) {
        return run(request, StepWriter.REPLAY_JOB, Optional.empty());
    }

    private PipelineResult run(ModelRequest request, StepWriter writer, Optional<StreamSink> sink) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        return gate.within(request.caller(), writer, request.traceId(), request.parentStepId(),
                request.traceMetadata(), request.endpoint(), trace -> admitted(request, sink,
                        StepDraft.start(request.caller(), trace, request.parentStepId(), request.endpoint(),
                                request.stepDetails(), RequestFingerprint.of(fingerprintParts(request)), started,
                                startNanos)));
    }

    private PipelineResult admitted(ModelRequest request, Optional<StreamSink> sink, StepDraft draft) {
        KeyCaller who = request.caller();
        Admission admitted = admission.admit(who, draft.trace().id(), draft.fingerprint());
        if (admitted instanceof Admission.Refused refused) {
            if (refused.reason() == Admission.Reason.LOOP_DETECTED) {
                stepLog.blocked(draft.screened(Telemetry.conversation(who.project().settings(), request.messages()),
                        StepSecurity.clean()), refused.message(), Map.of("loop_intervention", true));
            }
            return new PipelineResult.Refused(refused);
        }
        GuardPolicy policy = GuardPolicies.of(who.project().settings());
        long userText = request.messages().stream().filter(m -> m.role() == ChatRole.USER)
                .mapToLong(m -> Characters.count(m.content())).sum();
        Optional<PipelineResult> tooLong = InputLength.exceeded(policy, LongStream.of(userText));
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        Screening screening = inputScreen.screen(request.messages(), policy, request.redactPii());
        StepDraft screened = draft.screened(Telemetry.conversation(who.project().settings(), screening.messages()),
                screening.security());
        if (screening.blocked()) {
            String reason = Screening.reasonText(screening.blockReason().get());
            Step step = stepLog.blocked(screened, reason, Map.of("reason_code", screening.blockReason().get()));
            return new PipelineResult.Blocked(screened.trace().get(), step, screening.blockReason().get(),
                    screening);
        }
        Route route = switch (request.selection()) {
            case ModelSelection.Routed routed -> routes.routed(who.project(), routingInput(request, screening));
            case ModelSelection.Explicit explicit -> routes.explicit(who.project(), explicit.identifier(),
                    screening.sensitive());
        };
        return switch (route) {
            case Route.Resolved resolved -> called(request, screening, screened.routed(resolved), resolved, sink);
            case Route.Blocked blocked -> {
                Step step = stepLog.blocked(screened, blocked.reason(), Map.of("tier", blocked.tier()));
                yield new PipelineResult.Blocked(screened.trace().get(), step, blocked.reason(), screening);
            }
            case Route.Unconfigured unconfigured -> new PipelineResult.Unroutable(unconfigured);
            case Route.UnknownModel unknown -> new PipelineResult.Unroutable(unknown);
        };
    }

    private PipelineResult called(ModelRequest asked, Screening screening, StepDraft draft, Route.Resolved route,
                                  Optional<StreamSink> sink) {
        ModelRequest request = asked.selection() instanceof ModelSelection.Routed routed
                ? asked.withOptions(routed.optionsFor(route.tier(), asked.options())) : asked;
        ChatRequest chat = new ChatRequest(screening.messages(), request.tools(), request.toolChoice(),
                request.options());
        Optional<SpendHold> hold = admission.hold(request.caller(), worstCase(route.path(), chat, request));
        if (hold.isEmpty()) {
            return new PipelineResult.Refused(AdmissionControl.spendRefusal(request.caller()));
        }
        ProviderCall<ChatResult> outcome = sink.isPresent() ? caller.stream(route.path(), chat, sink.get())
                : caller.call(route.path(), chat);
        return switch (outcome) {
            case ProviderCall.Succeeded<ChatResult> ok -> answered(request, screening, draft, ok, hold.get(),
                    sink.isPresent());
            case ProviderCall.Failed<ChatResult> failed -> {
                BigDecimal cost = failed.partial().map(p -> cost(failed.lastModel(), p)).orElse(BigDecimal.ZERO);
                Step step = stepLog.failed(draft, failed, cost);
                admission.settle(hold.get(), cost);
                yield new PipelineResult.ProviderFailed(draft.trace().get(), step, failed);
            }
        };
    }

    private PipelineResult answered(ModelRequest request, Screening screening, StepDraft draft,
                                    ProviderCall.Succeeded<ChatResult> ok, SpendHold hold, boolean streamed) {
        GuardPolicy policy = GuardPolicies.of(request.caller().project().settings());
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
        Step step = stepLog.answered(draft, request, screening, ok.model(), result, ok.attempts(), cost,
                outputReport, withheld);
        admission.settle(hold, cost);
        if (withheld) {
            return new PipelineResult.Blocked(draft.trace().get(), step, "secret_detected_in_output", screening);
        }
        return new PipelineResult.Answered(draft.trace().get(), step, result, ok.model(), draft.tier(), screening);
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

    /**
     * What makes two requests the same for loop detection: the model asked for, the tools offered (by name) and
     * the conversation. The same prompt put to several models, or with other tools, is not a loop.
     */
    private static List<String> fingerprintParts(ModelRequest request) {
        List<String> parts = new ArrayList<>();
        parts.add(request.selection() instanceof ModelSelection.Explicit explicit ? "model:" + explicit.identifier()
                : "model:routed");
        request.tools().forEach(t -> parts.add("tool:" + t.name()));
        for (ChatMessage m : request.messages()) {
            parts.add(m.role().wire() + ":" + m.content());
            m.toolCalls().forEach(c -> parts.add("call:" + c.name() + ":" + c.argumentsJson()));
        }
        return parts;
    }
}
