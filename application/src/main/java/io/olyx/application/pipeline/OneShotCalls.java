package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.admission.Admission;
import io.olyx.application.admission.AdmissionControl;
import io.olyx.application.admission.SpendHold;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TokenEstimator;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.admission.RequestFingerprint;
import io.olyx.domain.common.Characters;
import io.olyx.domain.guard.FindingCategory;
import io.olyx.domain.guard.GuardDecision;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.image.ImagePromptPolicy;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.project.Project;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepWriter;
import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Embeddings and image generation through the same stages as chat: trace, admission, guardrails, model resolution
 * with fallbacks, spend hold, provider call, priced and recorded step. Embeddings refuse inputs holding a secret or
 * identifying personal data (nothing leaves the gateway); image prompts are also screened for protected characters
 * and brands.
 */
public final class OneShotCalls {
    public static final String DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
    public static final String DEFAULT_IMAGE_MODEL = "dall-e-3";

    private final TraceGate gate;
    private final AdmissionControl admission;
    private final Guardrails guardrails;
    private final RouteResolver routes;
    private final FallbackCaller caller;
    private final TokenEstimator tokens;
    private final StepLog stepLog;
    private final Clock clock;

    public OneShotCalls(TraceRepository traces, StepRepository steps, AdmissionControl admission,
                        Guardrails guardrails, RouteResolver routes, FallbackCaller caller, TokenEstimator tokens,
                        StepLog stepLog, Clock clock) {
        this.gate = new TraceGate(traces, steps, stepLog);
        this.admission = admission;
        this.guardrails = guardrails;
        this.routes = routes;
        this.caller = caller;
        this.tokens = tokens;
        this.stepLog = stepLog;
        this.clock = clock;
    }

    public PipelineResult embed(KeyCaller who, Optional<TraceId> trace, Optional<String> model, List<String> inputs) {
        Object recorded = who.project().settings().anonymized()
                ? Map.of("anonymized", true, "inputs", inputs.size()) : inputs;
        return run(who, trace, "embeddings", model, inputs, recorded, true, text -> List.of(), draft -> {
            Route route = resolve(who.project(), model, DEFAULT_EMBEDDING_MODEL);
            if (!(route instanceof Route.Resolved resolved)) {
                return new PipelineResult.Unroutable(route);
            }
            long promptTokens = tokens.promptTokens(ChatRequest.ofUser(String.join("\n", inputs)));
            return hold(who, resolved, path -> priced(path, promptTokens, 0), held -> {
                ProviderCall<EmbeddingResult> call = caller.embed(resolved.path(), inputs);
                return settle(held, draft.routed(resolved), call, EmbeddingResult::usage,
                        r -> Map.of("embeddings", r.embeddings().size(),
                                "dimensions", r.embeddings().isEmpty() ? 0 : r.embeddings().get(0).dimensions()),
                        (step, result, m) -> new PipelineResult.Embedded(draft.trace().get(), step, result, m));
            });
        });
    }

    public PipelineResult image(KeyCaller who, Optional<TraceId> trace, Optional<String> model,
                                ImageRequest request) {
        ImagePromptPolicy policy = new ImagePromptPolicy(blockedTerms(who.project()));
        return run(who, trace, "images.generations", model, List.of(request.prompt()),
                Telemetry.text(who.project().settings(), request.prompt()), false, policy::violations, draft -> {
                    Route route = resolve(who.project(), model, DEFAULT_IMAGE_MODEL);
                    if (!(route instanceof Route.Resolved resolved)) {
                        return new PipelineResult.Unroutable(route);
                    }
                    return hold(who, resolved, path -> perImage(path, request.n()), held -> {
                        ProviderCall<ImageResult> call = caller.image(resolved.path(), request);
                        return settle(held, draft.routed(resolved), call, r -> new TokenUsage(0, 0, 0, false),
                                r -> Map.of("images", r.images().size()),
                                (step, result, m) -> new PipelineResult.Imaged(draft.trace().get(), step, result, m));
                    });
                });
    }

    /** Like a chat's: the same texts sent to another endpoint or model are another request, not a loop. */
    private static List<String> fingerprintParts(String endpoint, Optional<String> model, List<String> texts) {
        List<String> parts = new ArrayList<>(texts.size() + 2);
        parts.add("endpoint:" + endpoint);
        parts.add("model:" + model.orElse("default"));
        parts.addAll(texts);
        return parts;
    }

    private PipelineResult run(KeyCaller who, Optional<TraceId> trace, String endpoint, Optional<String> model,
                               List<String> texts, Object recordedInput, boolean personalDataBlocks,
                               Function<String, List<ImagePromptPolicy.Violation>> policyCheck,
                               Function<StepDraft, PipelineResult> call) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        return gate.within(who, StepWriter.CLIENT, trace, Optional.empty(), Map.of(), endpoint, handle -> {
            StepDraft draft = StepDraft.start(who, handle, Optional.empty(), endpoint, Map.of(),
                    RequestFingerprint.of(fingerprintParts(endpoint, model, texts)), started, startNanos);
            if (admission.admit(who, handle.id(), draft.fingerprint()) instanceof Admission.Refused refused) {
                return new PipelineResult.Refused(refused);
            }
            GuardPolicy policy = GuardPolicies.of(who.project().settings());
            Optional<PipelineResult> tooLong = InputLength.exceeded(policy,
                    texts.stream().mapToLong(Characters::count));
            if (tooLong.isPresent()) {
                return tooLong.get();
            }
            Verdict verdict = screen(texts, policy, personalDataBlocks);
            StepDraft screened = draft.screened(recordedInput, verdict.security());
            if (verdict.blockReason().isPresent()) {
                Step step = stepLog.blocked(screened, verdict.blockReason().get(),
                        Map.of("reason_code", verdict.blockReason().get()));
                return new PipelineResult.Blocked(handle.get(), step, verdict.blockReason().get(),
                        new Screening(List.of(), verdict.security(), false, verdict.blockReason(), List.of(),
                                List.of()));
            }
            List<ImagePromptPolicy.Violation> violations = texts.stream().flatMap(t -> policyCheck.apply(t).stream())
                    .toList();
            if (!violations.isEmpty()) {
                Step step = stepLog.blocked(screened, violations.get(0).type() + " violation detected",
                        Map.of("violations", violations.stream()
                                .map(v -> Map.of("type", v.type(), "term", v.term())).toList()));
                return new PipelineResult.PolicyViolation(handle.get(), step, violations);
            }
            return call.apply(screened);
        });
    }

    /**
     * Blocks what the input guardrails block; for data that would leave as vectors (embeddings), also any secret and
     * any identifying personal data.
     */
    private Verdict screen(List<String> texts, GuardPolicy policy, boolean leakSensitive) {
        boolean pii = false;
        boolean secret = false;
        boolean injection = false;
        double risk = 0;
        Optional<String> block = Optional.empty();
        for (String text : texts) {
            GuardReport report = guardrails.scanInput(text, policy);
            risk = Math.max(risk, Sensitivity.risk(report));
            boolean identifying = report.findings(FindingCategory.PII).stream().anyMatch(Sensitivity::identifying);
            pii |= report.piiDetected();
            secret |= report.secretLeaked();
            injection |= report.findings(FindingCategory.INJECTION).stream()
                    .anyMatch(f -> f.confidence() >= policy.blockThreshold());
            if (block.isEmpty()) {
                block = leakSensitive && report.secretLeaked() ? Optional.of(GuardReport.SECRET_DETECTED)
                        : leakSensitive && identifying ? Optional.of(GuardReport.PII_DETECTED)
                        : report.decision() == GuardDecision.BLOCK ? report.reason()
                        : Optional.empty();
            }
        }
        return new Verdict(new StepSecurity(pii, injection, secret, Math.min(1.0, risk)), block);
    }

    private Route resolve(Project project, Optional<String> model, String conventionalDefault) {
        if (model.isPresent()) {
            return routes.explicit(project, model.get(), false);
        }
        Route conventional = routes.explicit(project, conventionalDefault, false);
        if (conventional instanceof Route.Resolved) {
            return conventional;
        }
        return project.settings().tierModel("simple").map(id -> routes.explicit(project, id, false))
                .orElse(conventional);
    }

    private PipelineResult hold(KeyCaller who, Route.Resolved route, Function<List<ModelDefinition>, BigDecimal> worst,
                                Function<SpendHold, PipelineResult> call) {
        Optional<SpendHold> held = admission.hold(who, worst.apply(route.path()));
        return held.map(call).orElseGet(() -> new PipelineResult.Refused(AdmissionControl.spendRefusal(who)));
    }

    private <T> PipelineResult settle(SpendHold held, StepDraft draft, ProviderCall<T> call,
                                      Function<T, TokenUsage> usageOf, Function<T, Map<String, Object>> summary,
                                      Answer<T> answer) {
        return switch (call) {
            case ProviderCall.Succeeded<T> ok -> {
                BigDecimal cost = ok.model().pricing().cost(usageOf.apply(ok.result()).promptTokens(), 0)
                        .add(imageCost(ok.model(), ok.result()));
                Step step = stepLog.called(draft, ok.model(), StepLog.usage(usageOf.apply(ok.result()), cost),
                        ok.attempts(), summary.apply(ok.result()));
                admission.settle(held, cost);
                yield answer.of(step, ok.result(), ok.model());
            }
            case ProviderCall.Failed<T> failed -> {
                Step step = stepLog.failed(draft, failed, BigDecimal.ZERO);
                admission.settle(held, BigDecimal.ZERO);
                yield new PipelineResult.ProviderFailed(draft.trace().get(), step, failed);
            }
        };
    }

    private static BigDecimal priced(List<ModelDefinition> path, long promptTokens, long completion) {
        return path.stream().map(m -> m.pricing().cost(promptTokens, completion)).max(BigDecimal::compareTo)
                .orElse(BigDecimal.ZERO);
    }

    private static BigDecimal perImage(List<ModelDefinition> path, int images) {
        return path.stream().map(m -> m.pricePerImage().multiply(BigDecimal.valueOf(images)))
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal imageCost(ModelDefinition model, Object result) {
        return result instanceof ImageResult images
                ? model.pricePerImage().multiply(BigDecimal.valueOf(images.images().size())) : BigDecimal.ZERO;
    }

    private static List<String> blockedTerms(Project project) {
        List<String> terms = new ArrayList<>();
        project.settings().section("images").ifPresent(images -> {
            if (images.get("blocked_terms") instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(terms::add);
            }
        });
        return terms;
    }

    private record Verdict(StepSecurity security, Optional<String> blockReason) {
    }

    @FunctionalInterface
    private interface Answer<T> {
        PipelineResult of(Step step, T result, ModelDefinition model);
    }
}
