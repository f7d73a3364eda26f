package io.olyx.domain.grading;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.grading.GradingContext.CatalogueModel;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class TraceGraderProperties {
    /** Models ordered by price, both input and output: a higher index is pricier on every token mix. */
    static final List<CatalogueModel> MODELS = List.of(
            model("m0", "0.0001", "0.0002"), model("m1", "0.00015", "0.0003"), model("m2", "0.0005", "0.001"),
            model("m3", "0.001", "0.002"), model("m4", "0.004", "0.008"));
    /** The model index each tier's routing names (simple, complex, secure). */
    static final List<Integer> TIER_MODEL = List.of(0, 2, 1);
    static final List<String> TIERS = List.of("simple", "complex", "secure");
    static final GradingContext CONTEXT = GradingContext.of(MODELS,
            Map.of("simple", "m0", "complex", "m2", "secure", "m1"), GradingThresholds.defaults());

    static CatalogueModel model(String id, String in, String out) {
        return new CatalogueModel(id, new Pricing(new BigDecimal(in), new BigDecimal(out)), true);
    }

    /** One generated step: kind 0 run, 1 check, 2 tool call, 3 log. */
    record Spec(int kind, int model, int tier, int prompt, int completion, double latency, int atMs, int tool,
                int rating) {
    }

    @Provide
    Arbitrary<List<Spec>> traces() {
        Arbitrary<Spec> spec = Combinators.combine(
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, MODELS.size() - 1),
                Arbitraries.integers().between(0, TIERS.size()), Arbitraries.integers().between(0, 3000),
                Arbitraries.integers().between(0, 800), Arbitraries.doubles().between(0, 12_000).ofScale(1),
                Arbitraries.integers().between(0, 20_000), Arbitraries.integers().between(-1, 3))
                .as((kind, model, tier, prompt, completion, latency, at, tool) ->
                        new Spec(kind, model, tier, prompt, completion, latency, at, tool, 1 + (at % 5)));
        return spec.list().ofMinSize(0).ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Spec>> runTraces() {
        return traces().map(specs -> specs.stream().map(s -> new Spec(0, s.model(), s.tier(), s.prompt(),
                s.completion(), s.latency(), s.atMs(), -1, 0)).toList()).filter(l -> !l.isEmpty());
    }

    static List<Step> build(List<Spec> specs) {
        List<Step> steps = new ArrayList<>();
        long lastRun = 0;
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            long id = i + 1;
            StepBuilder b = switch (s.kind()) {
                case 0 -> run(id, s);
                case 1 -> StepBuilder.check(id).outcome(s.tool() < 0 ? StepOutcome.FAILED : StepOutcome.OK);
                case 2 -> lastRun == 0 ? StepBuilder.check(id) : StepBuilder.toolCall(id, lastRun, "c" + id, "t");
                default -> StepBuilder.log(id, Map.of("user_rating", s.rating()));
            };
            steps.add(b.latency(s.latency()).at(s.atMs()).build());
            lastRun = s.kind() == 0 ? id : lastRun;
        }
        return steps;
    }

    static StepBuilder run(long id, Spec s) {
        CatalogueModel model = MODELS.get(s.model());
        StepBuilder b = StepBuilder.run(id, model.identifier()).tokens(s.prompt(), s.completion())
                .cost(model.pricing().cost(s.prompt(), s.completion()));
        if (s.tier() < TIERS.size()) {
            b.tier(TIERS.get(s.tier()));
        }
        if (s.tool() >= 0) {
            b.tools(StepBuilder.tool("t", Map.of("type", "object", "required", List.of("n"))))
                    .calls("c" + id, s.tool() == 3 ? "ghost" : "t", Map.of("n", s.tool()));
        }
        return b;
    }

    static TraceSummary grade(List<Step> steps) {
        return TraceGrader.grade(StepBuilder.trace(Optional.of(BigDecimal.ONE)), steps, CONTEXT);
    }

    @Property
    void theSummaryDoesNotDependOnStepOrder(@ForAll("traces") List<Spec> specs, @ForAll long seed) {
        List<Step> steps = build(specs);
        List<Step> shuffled = new ArrayList<>(steps);
        Collections.shuffle(shuffled, new Random(seed));

        TraceSummary inOrder = grade(steps);
        TraceSummary outOfOrder = grade(shuffled);

        assertThat(outOfOrder.latencyP50()).isEqualTo(inOrder.latencyP50());
        assertThat(outOfOrder.latencyP95()).isEqualTo(inOrder.latencyP95());
        assertThat(outOfOrder.latencyP99()).isEqualTo(inOrder.latencyP99());
        assertThat(outOfOrder).isEqualTo(inOrder);
    }

    @Property
    void gradingTheSameTraceTwiceGivesEqualSummaries(@ForAll("traces") List<Spec> specs) {
        List<Step> steps = build(specs);

        assertThat(grade(steps)).isEqualTo(grade(steps));
    }

    @Property
    void totalCostIsExactlyTheSumOfRunStepCosts(@ForAll("traces") List<Spec> specs) {
        List<Step> steps = build(specs);
        BigDecimal expected = steps.stream().filter(s -> s.type() == StepType.RUN).map(Step::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        TraceSummary summary = grade(steps);

        assertThat(summary.totalCost()).isEqualByComparingTo(expected);
        assertThat(summary.costByModel().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expected);
        assertThat(summary.grossMargin()).contains(BigDecimal.ONE.subtract(summary.totalCost()));
    }

    @Property
    void percentilesAreOrderedAndWithinTheStepLatencies(@ForAll("traces") List<Spec> specs) {
        List<Step> steps = build(specs);
        TraceSummary summary = grade(steps);

        OptionalDouble max = steps.stream().filter(LatencyTally::isTimed).mapToDouble(Step::latencyMs).max();
        assertThat(summary.latencyP50().isPresent()).as("a percentile only with a timed step")
                .isEqualTo(max.isPresent());
        if (max.isPresent()) {
            assertThat(summary.latencyP50().orElseThrow()).isLessThanOrEqualTo(summary.latencyP95().orElseThrow());
            assertThat(summary.latencyP95().orElseThrow()).isLessThanOrEqualTo(summary.latencyP99().orElseThrow());
            // rounding to the microsecond keeps the order, so p99 stays within the rounded largest latency
            assertThat(summary.latencyP99().orElseThrow()).isLessThanOrEqualTo(Rounding.millis(max.getAsDouble()));
        }
        assertThat(summary.stallProbability()).isBetween(0.0, 1.0);
    }

    @Property
    void aPricierModelOnAStepNeverImprovesWasteOrOverall(@ForAll("runTraces") List<Spec> specs,
                                                         @ForAll @IntRange(min = 0, max = 100) int pick) {
        int index = pick % specs.size();
        Spec chosen = specs.get(index);
        if (chosen.model() == MODELS.size() - 1) {
            return;
        }
        List<Spec> pricier = new ArrayList<>(specs);
        pricier.set(index, new Spec(0, chosen.model() + 1, chosen.tier(), chosen.prompt(), chosen.completion(),
                chosen.latency(), chosen.atMs(), -1, 0));

        TraceSummary before = grade(build(specs));
        TraceSummary after = grade(build(pricier));

        assertNotBetter(after.grades().waste(), before.grades().waste());
        assertNotBetter(after.grades().overall(), before.grades().overall());
    }

    @Property
    void addingAnOverSpentStepNeverImprovesWasteOrOverall(@ForAll("runTraces") List<Spec> specs,
                                                          @ForAll @IntRange(min = 0, max = 2) int tier,
                                                          @ForAll @IntRange(min = 0, max = 4) int model,
                                                          @ForAll @IntRange(min = 0, max = 800) int prompt) {
        if (model <= TIER_MODEL.get(tier)) {
            return;
        }
        List<Spec> more = new ArrayList<>(specs);
        more.add(new Spec(0, model, tier, prompt, 10, 0, 0, -1, 0));

        TraceSummary before = grade(build(specs));
        TraceSummary after = grade(build(more));

        assertNotBetter(after.grades().waste(), before.grades().waste());
        assertNotBetter(after.grades().overall(), before.grades().overall());
    }

    @Property
    void aSlowerStepNeverImprovesLatencyOrOverall(@ForAll("traces") List<Spec> specs,
                                                  @ForAll @IntRange(min = 0, max = 100) int pick,
                                                  @ForAll @IntRange(min = 1, max = 20_000) int extraMs) {
        if (specs.isEmpty()) {
            return;
        }
        int index = pick % specs.size();
        Spec s = specs.get(index);
        List<Spec> slower = new ArrayList<>(specs);
        slower.set(index, new Spec(s.kind(), s.model(), s.tier(), s.prompt(), s.completion(), s.latency() + extraMs,
                s.atMs(), s.tool(), s.rating()));

        TraceSummary before = grade(build(specs));
        TraceSummary after = grade(build(slower));

        assertNotBetter(after.grades().latency(), before.grades().latency());
        assertNotBetter(after.grades().overall(), before.grades().overall());
    }

    static void assertNotBetter(Grade after, Grade before) {
        assertThat(after.ordinal()).as("%s must not be better than %s", after, before)
                .isGreaterThanOrEqualTo(before.ordinal());
    }
}
