package io.olyx.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReplayPlanProperties {
    static final TraceId TRACE = new TraceId(new UUID(7, 7));
    static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "claude-haiku", "retired-model");
    static final Map<String, Pricing> PRICES = Map.of(
            "gpt-4o", new Pricing(new BigDecimal("0.0025"), new BigDecimal("0.01")),
            "gpt-4o-mini", new Pricing(new BigDecimal("0.00015"), new BigDecimal("0.0006")),
            "claude-haiku", new Pricing(new BigDecimal("0.0008"), new BigDecimal("0.004")));

    record Spec(Optional<Long> parent, String model, int prompt, int completion, int costMicros) {
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<Spec> spec = Combinators.combine(Arbitraries.of(Optional.<Long>empty(), Optional.of(900L),
                        Optional.of(901L), Optional.of(902L)), Arbitraries.of(MODELS),
                Arbitraries.integers().between(0, 20_000), Arbitraries.integers().between(0, 4_000),
                Arbitraries.integers().between(0, 90_000)).as(Spec::new);
        return spec.list().ofMaxSize(12).map(ReplayPlanProperties::steps);
    }

    @Provide
    Arbitrary<ReplayOverrides> overrides() {
        Arbitrary<Optional<String>> force = Arbitraries.of(MODELS).optional(0.5);
        Arbitrary<List<String>> forceModels = Arbitraries.of(MODELS).list().ofMaxSize(5);
        Arbitrary<Optional<BigDecimal>> maxCost = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE)
                .ofScale(5).optional(0.6);
        return Combinators.combine(force, forceModels, maxCost)
                .as((f, fm, cost) -> new ReplayOverrides(f, List.of(), fm, cost));
    }

    @Property
    void everyRunStepIsPlannedOnceInTheGivenOrder(@ForAll("runs") List<Step> runs,
                                                  @ForAll("overrides") ReplayOverrides overrides) {
        ReplayPlan plan = ReplayPlan.of(runs, overrides, PRICES);

        assertThat(plan.steps()).extracting(ReplayPlan.Planned::source).containsExactlyElementsOf(runs);
    }

    @Property
    void aStepIsSkippedExactlyWhenItsEstimateExceedsMaxCost(@ForAll("runs") List<Step> runs,
                                                            @ForAll("overrides") ReplayOverrides overrides) {
        for (ReplayPlan.Planned planned : ReplayPlan.of(runs, overrides, PRICES).steps()) {
            boolean over = overrides.maxCost().filter(max -> planned.estimatedCost().compareTo(max) > 0).isPresent();
            assertThat(planned.skipped()).isEqualTo(over);
        }
    }

    @Property
    void theEstimateIsTheChosenModelsPriceOnTheRecordedTokens(@ForAll("runs") List<Step> runs,
                                                             @ForAll("overrides") ReplayOverrides overrides) {
        for (ReplayPlan.Planned planned : ReplayPlan.of(runs, overrides, PRICES).steps()) {
            StepUsage usage = planned.source().modelCall().orElseThrow().usage();
            BigDecimal expected = Optional.ofNullable(PRICES.get(planned.model()))
                    .map(p -> p.cost(usage.promptTokens(), usage.completionTokens())).orElse(usage.cost());
            assertThat(planned.estimatedCost()).isEqualByComparingTo(expected);
        }
    }

    @Property
    void forceModelsGoToTheFanOutStepsInOrderAndForceModelToTheRest(@ForAll("runs") List<Step> runs,
                                                                    @ForAll("overrides") ReplayOverrides overrides) {
        Map<Optional<StepId>, Integer> siblings = new HashMap<>();
        runs.forEach(run -> siblings.merge(run.parentStepId(), 1, Integer::sum));
        List<String> fanOutModels = new ArrayList<>();
        for (ReplayPlan.Planned planned : ReplayPlan.of(runs, overrides, PRICES).steps()) {
            String recorded = planned.source().modelCall().orElseThrow().model();
            boolean fanOut = siblings.get(planned.source().parentStepId()) > 1;
            int position = fanOutModels.size();
            if (fanOut) {
                fanOutModels.add(planned.model());
            }
            String expected = fanOut && position < overrides.forceModels().size()
                    ? overrides.forceModels().get(position) : overrides.forceModel().orElse(recorded);
            assertThat(planned.model()).isEqualTo(expected);
        }
    }

    @Example
    void withoutOverridesEveryStepKeepsItsModel() {
        List<Step> runs = steps(List.of(new Spec(Optional.empty(), "gpt-4o", 10, 10, 5),
                new Spec(Optional.of(900L), "claude-haiku", 10, 10, 5)));

        assertThat(ReplayPlan.of(runs, ReplayOverrides.none(), PRICES).steps())
                .extracting(ReplayPlan.Planned::model).containsExactly("gpt-4o", "claude-haiku");
    }

    static List<Step> steps(List<Spec> specs) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            steps.add(new Step(new StepId(i + 1), TRACE, new ProjectId(1), StepType.RUN, s.parent().map(StepId::new),
                    Optional.empty(), Optional.of(new Step.ModelCall(s.model(), "openai", "public_cloud",
                    Optional.empty(), new StepUsage(s.prompt(), s.completion(), 0, false,
                    BigDecimal.valueOf(s.costMicros(), 6)), List.of())), "prompt", "answer", 1, StepOutcome.OK,
                    StepSecurity.clean(), Map.of(), Instant.EPOCH.plusSeconds(i)));
        }
        return steps;
    }
}
