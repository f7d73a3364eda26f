package io.olyx.domain.stats;

import io.olyx.domain.grading.StepBuilder;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of what a rollup is built from: steps of every type and graded traces. */
final class RollupInputs {
    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "my-llama-3");
    static final List<String> INFRA = List.of("public_cloud", "private", "internal");

    private RollupInputs() {
    }

    /** Either a {@link Step} or a {@link GradedTrace}. */
    static Arbitrary<Object> input() {
        return Arbitraries.oneOf(step().map(s -> (Object) s), trace().map(t -> (Object) t));
    }

    static Arbitrary<List<Object>> inputs() {
        return input().list().ofMaxSize(40);
    }

    static Arbitrary<Step> step() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2), Arbitraries.bigDecimals().between(BigDecimal.ZERO,
                                BigDecimal.ONE).ofScale(6), Arbitraries.doubles().between(0, 20_000).ofScale(3),
                        Arbitraries.integers().between(0, 5_000))
                .as((kind, model, infra, cost, latency, tokens) -> {
                    StepBuilder b = switch (kind) {
                        case 0 -> StepBuilder.run(1, MODELS.get(model)).infrastructure(INFRA.get(infra))
                                .cost(cost.stripTrailingZeros()).tokens(tokens, tokens / 3);
                        case 1 -> StepBuilder.run(1, MODELS.get(model)).cost(cost).tokens(tokens, 10)
                                .calls("c", "search", Map.of("q", "x"));
                        case 2 -> StepBuilder.toolCall(2, 1, "c", "search");
                        case 3 -> StepBuilder.check(1).detail("loop_intervention", infra == 0);
                        case 4 -> StepBuilder.run(1, null).outcome(StepOutcome.BLOCKED);
                        default -> StepBuilder.log(1, Map.of("user_rating", 4));
                    };
                    return b.latency(latency).build();
                });
    }

    static Arbitrary<GradedTrace> trace() {
        return Combinators.combine(Arbitraries.integers().between(0, 12), Arbitraries.doubles().between(0, 1)
                                .ofScale(4), Arbitraries.integers().between(0, 7),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.TEN).ofScale(2),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5))
                .as((depth, stall, flags, money, model, rating) -> new GradedTrace(summary(depth, stall, flags,
                        money, MODELS.get(model)), rating == 0 ? Optional.empty() : Optional.of((double) rating)));
    }

    static TraceSummary summary(int depth, double stall, int flags, BigDecimal money, String model) {
        Optional<BigDecimal> revenue = flags % 2 == 0 ? Optional.of(money) : Optional.empty();
        Optional<Double> fidelity = depth > 0 ? Optional.of(stall) : Optional.empty();
        return new TraceSummary(100, money.movePointLeft(2), revenue, revenue, Optional.of(10.0), Optional.of(20.0),
                Optional.of(30.0),
                new TraceSummary.Grades(Grade.A, Grade.A, Grade.A), 3, depth, Optional.empty(), stall,
                Map.of(model, money.movePointLeft(2)), Map.of(), new TraceSummary.Security((flags & 1) != 0,
                (flags & 2) != 0, (flags & 4) != 0, fidelity, Optional.empty()), Optional.empty());
    }

    static HourlyRollup rollup(List<Object> inputs) {
        RollupAccumulator acc = new RollupAccumulator();
        for (Object input : inputs) {
            if (input instanceof Step step) {
                acc.add(step);
            } else {
                acc.add((GradedTrace) input);
            }
        }
        return acc.toRollup();
    }
}
