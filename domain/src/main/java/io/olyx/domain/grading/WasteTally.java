package io.olyx.domain.grading;

import io.olyx.domain.grading.GradingContext.CatalogueModel;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How many run steps paid for more model than they needed. See {@link GradeRules} for the rule in words.
 *
 * @param runSteps  run steps that called a model
 * @param overspent of those, steps priced above their reference model
 * @param severe    of those, steps priced at {@value #SEVERE_FACTOR}× their reference or more
 */
public record WasteTally(int runSteps, int overspent, int severe) {
    /** Untiered steps with at most this many prompt tokens and no tools count as simple requests. */
    public static final long SIMPLE_PROMPT_TOKENS = 1_000;
    public static final int SEVERE_FACTOR = 3;

    public WasteTally {
        if (runSteps < 0 || overspent < 0 || severe < 0 || severe > overspent || overspent > runSteps) {
            throw new IllegalArgumentException("inconsistent waste tally");
        }
    }

    static WasteTally of(List<Step> orderedSteps, GradingContext context) {
        int runs = 0;
        int overspent = 0;
        int severe = 0;
        for (Step step : orderedSteps) {
            if (step.type() != StepType.RUN || step.modelCall().isEmpty()) {
                continue;
            }
            runs++;
            Optional<Verdict> verdict = judge(step, context);
            if (verdict.isPresent()) {
                overspent++;
                severe += verdict.get() == Verdict.SEVERE ? 1 : 0;
            }
        }
        return new WasteTally(runs, overspent, severe);
    }

    private enum Verdict { OVERSPENT, SEVERE }

    private static Optional<Verdict> judge(Step step, GradingContext context) {
        Step.ModelCall call = step.modelCall().orElseThrow();
        if (usedFallback(call.attempts())) {
            return Optional.empty();
        }
        long prompt = call.usage().promptTokens();
        long completion = call.usage().completionTokens();
        Optional<CatalogueModel> reference = reference(step, call, context);
        Optional<BigDecimal> stepPrice = context.model(call.model())
                .map(m -> PriceIndex.of(m.pricing(), prompt, completion))
                .or(() -> prompt + completion > 0 ? Optional.of(call.usage().cost()) : Optional.empty());
        if (reference.isEmpty() || stepPrice.isEmpty() || reference.get().identifier().equals(call.model())) {
            return Optional.empty();
        }
        BigDecimal referencePrice = PriceIndex.of(reference.get().pricing(), prompt, completion);
        if (stepPrice.get().compareTo(referencePrice) <= 0) {
            return Optional.empty();
        }
        boolean severe = referencePrice.signum() == 0
                || stepPrice.get().compareTo(referencePrice.multiply(BigDecimal.valueOf(SEVERE_FACTOR))) >= 0;
        return Optional.of(severe ? Verdict.SEVERE : Verdict.OVERSPENT);
    }

    private static Optional<CatalogueModel> reference(Step step, Step.ModelCall call, GradingContext context) {
        Optional<String> tier = call.tier().filter(context.routingTiers()::containsKey);
        if (tier.isPresent()) {
            return context.tierModel(tier.get());
        }
        boolean simple = call.usage().promptTokens() <= SIMPLE_PROMPT_TOKENS && !ToolCalls.isAgentStep(step);
        return simple
                ? context.cheapest(call.usage().promptTokens(), call.usage().completionTokens(),
                        step.security().piiDetected())
                : Optional.empty();
    }

    /** A model reached after the first choice failed is resilience, not waste. */
    private static boolean usedFallback(List<ProviderAttempt> attempts) {
        return attempts.stream().anyMatch(a -> !a.succeeded());
    }
}
