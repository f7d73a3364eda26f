package io.olyx.application.replay;

import io.olyx.domain.model.Pricing;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which model each run step of the source is replayed on and what max_cost skips. The rules, in order:
 * <ol>
 *   <li>fan-out steps (run steps sharing their parent step, or the absence of one, with another run step) take
 *       force_models in order: the first fan-out step the first model, and so on;</li>
 *   <li>any other step, and fan-out steps beyond the list, take force_model (for compare_models: the compared
 *       model), else the model they called;</li>
 *   <li>the estimated cost is that model's registered prices on the step's recorded token counts (the recorded cost
 *       when the model is no longer registered); a step whose estimate exceeds max_cost is skipped.</li>
 * </ol>
 *
 * @param steps one entry per run step, in the order given (the trace's canonical order)
 */
record ReplayPlan(List<Planned> steps) {
    ReplayPlan {
        steps = List.copyOf(steps);
    }

    record Planned(Step source, String model, BigDecimal estimatedCost, boolean skipped) {
        Planned {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(estimatedCost, "estimatedCost");
        }
    }

    /** {@code runs} are run steps that called a model, in canonical order. */
    static ReplayPlan of(List<Step> runs, ReplayOverrides overrides, Map<String, Pricing> prices) {
        Map<Optional<StepId>, Integer> siblings = new HashMap<>();
        runs.forEach(run -> siblings.merge(run.parentStepId(), 1, Integer::sum));
        List<Planned> planned = new ArrayList<>();
        int fanOut = 0;
        for (Step run : runs) {
            String original = run.modelCall().orElseThrow().model();
            String model = overrides.forceModel().orElse(original);
            if (siblings.get(run.parentStepId()) > 1 && fanOut < overrides.forceModels().size()) {
                model = overrides.forceModels().get(fanOut);
            }
            fanOut += siblings.get(run.parentStepId()) > 1 ? 1 : 0;
            BigDecimal estimate = estimate(run, Optional.ofNullable(prices.get(model)));
            planned.add(new Planned(run, model, estimate, overrides.skips(estimate)));
        }
        return new ReplayPlan(planned);
    }

    private static BigDecimal estimate(Step run, Optional<Pricing> pricing) {
        var usage = run.modelCall().orElseThrow().usage();
        return pricing.map(p -> p.cost(usage.promptTokens(), usage.completionTokens())).orElse(usage.cost());
    }

    long skippedCount() {
        return steps.stream().filter(Planned::skipped).count();
    }
}
