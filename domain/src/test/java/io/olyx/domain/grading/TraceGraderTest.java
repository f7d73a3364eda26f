package io.olyx.domain.grading;

import static io.olyx.domain.grading.StepBuilder.check;
import static io.olyx.domain.grading.StepBuilder.log;
import static io.olyx.domain.grading.StepBuilder.run;
import static io.olyx.domain.grading.StepBuilder.tool;
import static io.olyx.domain.grading.StepBuilder.toolCall;
import static io.olyx.domain.grading.StepBuilder.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.grading.GradingContext.CatalogueModel;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceGraderTest {
    static final CatalogueModel MINI = model("gpt-4o-mini", "0.00015", "0.0006", true);
    static final CatalogueModel GPT4O = model("gpt-4o", "0.0025", "0.01", true);
    static final CatalogueModel LLAMA = model("my-llama-3", "0.0002", "0.0002", false);
    static final GradingContext TIERED = GradingContext.of(List.of(MINI, GPT4O, LLAMA),
            Map.of("simple", "gpt-4o-mini", "complex", "gpt-4o", "secure", "my-llama-3"), GradingThresholds.defaults());

    static CatalogueModel model(String id, String in, String out, boolean isPublic) {
        return new CatalogueModel(id, new Pricing(new BigDecimal(in), new BigDecimal(out)), isPublic);
    }

    static TraceSummary grade(GradingContext context, StepBuilder... steps) {
        return TraceGrader.grade(trace(), List.of(steps).stream().map(StepBuilder::build).toList(), context);
    }

    @Test
    void gradesTheSeedExampleTraceAsTheApiReferenceShowsIt() {
        GradingContext context = GradingContext.of(List.of(MINI, GPT4O), Map.of("simple", "gpt-4o"),
                GradingThresholds.defaults());
        List<Step> steps = List.of(check(1).latency(12.4).at(0).build(),
                run(2, "gpt-4o").tier("simple").tokens(300, 240).cost("0.00318").latency(1228.1).at(12.4).build());

        TraceSummary summary = TraceGrader.grade(trace(Optional.of(new BigDecimal("0.50"))), steps, context);

        assertThat(summary.totalLatencyMs()).isEqualTo(1240.5);
        assertThat(summary.totalCost()).isEqualByComparingTo("0.00318");
        assertThat(summary.grossMargin()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("0.49682"));
        assertThat(summary.grades()).isEqualTo(new TraceSummary.Grades(Grade.B, Grade.A, Grade.B));
        assertThat(summary.stepCount()).isEqualTo(2);
        assertThat(summary.chainDepth()).isZero();
        assertThat(summary.toolOverheadMs()).isEmpty();
        assertThat(summary.stallProbability()).isZero();
        assertThat(summary.costByModel()).containsOnlyKeys("gpt-4o");
        assertThat(summary.costByInfrastructure().get("public_cloud")).isEqualByComparingTo("0.00318");
        assertThat(summary.costByInfrastructure().get("private")).isEqualByComparingTo("0");
        assertThat(summary.routingDecision()).contains(new TraceSummary.RoutingDecision("simple", "gpt-4o"));
        assertThat(summary.security()).isEqualTo(new TraceSummary.Security(false, false, false, Optional.empty(),
                Optional.empty()));
    }

    @Test
    void percentilesInterpolateLinearlyBetweenClosestRanks() {
        TraceSummary summary = grade(TIERED, check(1).latency(400), check(2).latency(100).at(1),
                check(3).latency(300).at(2), check(4).latency(200).at(3));

        assertThat(summary.latencyP50()).contains(250.0);
        assertThat(summary.latencyP95()).contains(385.0);
        assertThat(summary.latencyP99()).contains(397.0);
    }

    @Test
    void aTraceWithoutATimedStepHasNoLatencyPercentiles() {
        TraceSummary summary = grade(TIERED, log(1, Map.of("user_rating", 5)));

        assertThat(summary.latencyP50()).isEmpty();
        assertThat(summary.latencyP95()).isEmpty();
        assertThat(summary.latencyP99()).isEmpty();
    }

    /** Interpolating 200.7 and 300.3 at p95 gives 290.34000000000003 in binary floating point; reported: 290.34. */
    @Test
    void percentilesAreRoundedToTheMicrosecondLikeTheTotalLatency() {
        TraceSummary summary = grade(TIERED, check(1).latency(100.1), check(2).latency(200.7).at(1),
                check(3).latency(300.3).at(2));

        assertThat(summary.latencyP50()).contains(200.7);
        assertThat(summary.latencyP95()).contains(290.34);
        assertThat(summary.latencyP99()).contains(298.308);
    }

    @Test
    void logStepsAreNotTimedButCountAsSteps() {
        TraceSummary summary = grade(TIERED, check(1).latency(100), log(2, Map.of("ab_variant", "B")).at(5));

        assertThat(summary.latencyP50()).contains(100.0);
        assertThat(summary.stepCount()).isEqualTo(2);
    }

    @Test
    void aSimpleRequestSentToTheComplexModelIsSevereWaste() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o").tier("simple").tokens(200, 100).cost("0.0015").latency(500));

        assertThat(summary.grades().waste()).isEqualTo(Grade.C);
        assertThat(summary.grades().overall()).isEqualTo(Grade.C);
    }

    @Test
    void aStepOnItsTiersModelIsNotWaste() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o").tier("complex").tokens(5000, 800).cost("0.0205").latency(500),
                run(2, "gpt-4o-mini").tier("simple").tokens(100, 50).cost("0.000045").latency(300).at(600));

        assertThat(summary.grades().waste()).isEqualTo(Grade.A);
    }

    @Test
    void everyStepOnTooCapableAModelIsF() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o").tier("simple").tokens(100, 50).cost("0.00075").latency(300),
                run(2, "gpt-4o").tier("simple").tokens(100, 50).cost("0.00075").latency(300).at(400));

        assertThat(summary.grades().waste()).isEqualTo(Grade.F);
    }

    @Test
    void anUntieredShortRequestIsJudgedAgainstTheCheapestModel() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o").tokens(100, 50).cost("0.00075").latency(300));

        assertThat(summary.grades().waste()).isEqualTo(Grade.C);
    }

    @Test
    void anUntieredLongRequestHasNoReferenceAndIsNotWaste() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o").tokens(8000, 500).cost("0.025").latency(300));

        assertThat(summary.grades().waste()).isEqualTo(Grade.A);
    }

    @Test
    void anUntieredRequestWithPiiIsJudgedAgainstTheCheapestPrivateModel() {
        StepSecurity pii = new StepSecurity(true, false, false, 0.8);
        TraceSummary onPrivate = grade(TIERED, run(1, "my-llama-3").tokens(100, 50).cost("0.00003").security(pii));
        TraceSummary onPublic = grade(TIERED, run(1, "gpt-4o").tokens(100, 50).cost("0.00075").security(pii));

        assertThat(onPrivate.grades().waste()).isEqualTo(Grade.A);
        assertThat(onPrivate.security().piiDetected()).isTrue();
        assertThat(onPublic.grades().waste()).isEqualTo(Grade.C);
    }

    @Test
    void aModelReachedThroughFallbackIsNotWaste() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o").tier("simple").tokens(100, 50).cost("0.00075")
                .failedAttemptFirst("gpt-4o-mini"));

        assertThat(summary.grades().waste()).isEqualTo(Grade.A);
    }

    @Test
    void slowStepsPullTheLatencyGradeDown() {
        assertThat(grade(TIERED, check(1).latency(900)).grades().latency()).isEqualTo(Grade.A);
        assertThat(grade(TIERED, check(1).latency(1500)).grades().latency()).isEqualTo(Grade.B);
        assertThat(grade(TIERED, check(1).latency(1500), check(2).latency(1500)).grades().latency())
                .isEqualTo(Grade.C);
        assertThat(grade(TIERED, check(1).latency(6000)).grades().latency()).isEqualTo(Grade.C);
        assertThat(grade(TIERED, check(1).latency(6000), check(2).latency(6000)).grades().latency())
                .isEqualTo(Grade.D);
        assertThat(grade(TIERED, check(1).latency(6000), check(2).latency(6000), check(3).latency(7000))
                .grades().latency()).isEqualTo(Grade.F);
    }

    @Test
    void latencyThresholdsComeFromTheContext() {
        GradingContext strict = GradingContext.of(List.of(MINI), Map.of(),
                new GradingThresholds(100, 500, 1000, 5, 0.7));

        assertThat(grade(strict, check(1).latency(600)).grades().latency()).isEqualTo(Grade.C);
    }

    @Test
    void wasteAndLatencyBothAtCMakeTheOverallD() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o").tier("simple").tokens(100, 50).cost("0.00075").latency(6000),
                run(2, "gpt-4o-mini").tier("simple").tokens(100, 50).cost("0.000045").latency(100).at(7000));

        assertThat(summary.grades().waste()).isEqualTo(Grade.C);
        assertThat(summary.grades().latency()).isEqualTo(Grade.C);
        assertThat(summary.grades().overall()).isEqualTo(Grade.D);
    }

    @Test
    void lowUserRatingsPullTheOverallGradeDownButHighOnesCannotHideWaste() {
        StepBuilder cheap = run(1, "gpt-4o-mini").tier("simple").tokens(100, 50).cost("0.000045").latency(100);
        StepBuilder wasteful = run(1, "gpt-4o").tier("simple").tokens(100, 50).cost("0.00075").latency(100);

        assertThat(grade(TIERED, cheap, log(2, Map.of("user_rating", 1)).at(200)).grades().overall())
                .isEqualTo(Grade.D);
        assertThat(grade(TIERED, cheap, log(2, Map.of("user_rating", 2)).at(200),
                log(3, Map.of("user_rating", 3)).at(300)).grades().overall()).isEqualTo(Grade.C);
        assertThat(grade(TIERED, wasteful, log(2, Map.of("user_rating", 5)).at(200)).grades().overall())
                .isEqualTo(Grade.C);
        assertThat(grade(TIERED, cheap, log(2, Map.of("user_rating", 9)).at(200)).grades().overall())
                .isEqualTo(Grade.A);
    }

    @Test
    void chainDepthFollowsRunToolCallRunLinks() {
        Map<String, Object> args = Map.of("city", "London");
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o-mini").tier("simple").calls("c1", "get_weather", args).latency(100),
                toolCall(2, 1, "c1", "get_weather").latency(40).at(150),
                run(3, "gpt-4o-mini").tier("simple").parent(2).calls("c2", "get_time", Map.of()).latency(100).at(200),
                toolCall(4, 3, "c2", "get_time").latency(60).at(350),
                run(5, "gpt-4o-mini").tier("simple").parent(3).latency(100).at(400));

        assertThat(summary.chainDepth()).isEqualTo(2);
        assertThat(summary.toolOverheadMs()).contains(100.0);
        assertThat(summary.stallProbability()).isZero();
        assertThat(summary.totalLatencyMs()).isEqualTo(500.0);
    }

    @Test
    void unlinkedRunsContinueThePreviousRunThatAskedForTools() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o-mini").calls("c1", "search", Map.of("q", "a")),
                run(2, "gpt-4o-mini").calls("c2", "search", Map.of("q", "b")).at(10),
                run(3, "gpt-4o-mini").calls("c3", "search", Map.of("q", "c")).at(20),
                run(4, "gpt-4o-mini").at(30),
                run(5, "gpt-4o-mini").calls("c5", "search", Map.of("q", "d")).at(40),
                run(6, "gpt-4o-mini").at(50));

        assertThat(summary.chainDepth()).isEqualTo(3);
    }

    @Test
    void aChainDeeperThanFiveIsF() {
        StepBuilder[] steps = new StepBuilder[7];
        for (int i = 0; i < 6; i++) {
            steps[i] = run(i + 1, "gpt-4o-mini").tier("simple").calls("c" + i, "step", Map.of("n", i)).at(i * 10);
            if (i > 0) {
                steps[i].parent(i);
            }
        }
        steps[6] = run(7, "gpt-4o-mini").tier("simple").parent(6).at(100);

        TraceSummary summary = grade(TIERED, steps);

        assertThat(summary.chainDepth()).isEqualTo(6);
        assertThat(summary.grades().overall()).isEqualTo(Grade.F);
        assertThat(summary.grades().waste()).isEqualTo(Grade.A);
        assertThat(summary.stallProbability()).isEqualTo(0.6);
    }

    @Test
    void theSameToolCalledThreeTimesWithTheSameArgumentsIsALoop() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o-mini").calls("c1", "lookup", Map.of("id", 7, "deep", true)),
                run(2, "gpt-4o-mini").calls("c2", "lookup", Map.of("deep", true, "id", 7.0)).at(10),
                run(3, "gpt-4o-mini").calls("c3", "lookup", Map.of("id", 7, "deep", true)).at(20),
                run(4, "gpt-4o-mini").at(30));

        assertThat(summary.grades().overall()).isEqualTo(Grade.F);
        assertThat(summary.chainDepth()).isEqualTo(3);
        assertThat(summary.stallProbability()).isEqualTo(0.66);
    }

    @Test
    void aTraceEndingWithPendingToolCallsLooksStalled() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o-mini").outcome(StepOutcome.TOOL_CALLS_PENDING),
                check(2).outcome(StepOutcome.FAILED).at(5));

        assertThat(summary.stallProbability()).isEqualTo(0.49);
    }

    @Test
    void toolFidelityAveragesKnownValidInvalidAndHallucinatedCalls() {
        Map<String, Object> schema = Map.of("type", "object",
                "properties", Map.of("city", Map.of("type", "string"),
                        "days", Map.of("type", "integer", "minimum", 1, "maximum", 7)),
                "required", List.of("city"), "additionalProperties", false);
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o-mini")
                .tools(tool("get_weather", schema), tool("now", Map.of("type", "object")))
                .calls("c1", "get_weather", Map.of("city", "London", "days", 3))
                .calls("c2", "get_weather", Map.of("days", 9))
                .calls("c3", "get_wether", Map.of("city", "Paris"))
                .calls("c4", "now", Map.of()));

        assertThat(summary.security().toolFidelityScore()).contains(0.625);
    }

    @Test
    void continuationTurnsAreCheckedAgainstToolsDeclaredEarlierInTheTrace() {
        TraceSummary summary = grade(TIERED,
                run(1, "gpt-4o-mini").tools(tool("now", Map.of("type", "object"))).calls("c1", "now", Map.of()),
                run(2, "gpt-4o-mini").parent(1).calls("c2", "now", Map.of()).at(10));

        assertThat(summary.security().toolFidelityScore()).contains(1.0);
    }

    @Test
    void noToolCallsMeansNoFidelityScore() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o-mini").tools(tool("now", Map.of())));

        assertThat(summary.security().toolFidelityScore()).isEmpty();
    }

    @Test
    void shadowScoreIsTheMeanOfTheStepsThatCarryOne() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o-mini").detail("shadow_score", 0.9),
                run(2, "gpt-4o-mini").detail("shadow_score", 0.7).at(5), check(3).at(6));

        assertThat(summary.security().shadowScore()).contains(0.8);
    }

    @Test
    void securityFlagsRollUpFromAnyStep() {
        TraceSummary summary = grade(TIERED, check(1).security(new StepSecurity(false, true, false, 0.9)),
                run(2, "gpt-4o-mini").security(new StepSecurity(false, false, true, 0.5)).at(5));

        assertThat(summary.security().injectionAttempt()).isTrue();
        assertThat(summary.security().secretLeaked()).isTrue();
        assertThat(summary.security().piiDetected()).isFalse();
    }

    @Test
    void costsSplitByModelAndInfrastructure() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o").cost("0.01").tokens(9000, 1),
                run(2, "my-llama-3").infrastructure("internal").cost("0.002").tokens(9000, 1).at(1),
                run(3, "gpt-4o").cost("0.005").tokens(9000, 1).at(2));

        assertThat(summary.totalCost()).isEqualByComparingTo("0.017");
        assertThat(summary.costByModel()).containsEntry("gpt-4o", new BigDecimal("0.015"))
                .containsEntry("my-llama-3", new BigDecimal("0.002"));
        assertThat(summary.costByInfrastructure()).containsEntry("public_cloud", new BigDecimal("0.015"))
                .containsEntry("internal", new BigDecimal("0.002")).containsEntry("private", BigDecimal.ZERO);
        assertThat(summary.grossMargin()).isEmpty();
    }

    @Test
    void routingDecisionIsTheMostCommonTieredModel() {
        TraceSummary summary = grade(TIERED, run(1, "gpt-4o").tier("complex"),
                run(2, "gpt-4o-mini").tier("simple").at(1), run(3, "gpt-4o-mini").tier("simple").at(2));

        assertThat(summary.routingDecision()).contains(new TraceSummary.RoutingDecision("simple", "gpt-4o-mini"));
    }

    @Test
    void anEmptyTraceGradesAsA() {
        TraceSummary summary = TraceGrader.grade(trace(), List.of(), TIERED);

        assertThat(summary.grades()).isEqualTo(new TraceSummary.Grades(Grade.A, Grade.A, Grade.A));
        assertThat(summary.totalLatencyMs()).isZero();
        assertThat(summary.routingDecision()).isEmpty();
    }

    @Test
    void refusesStepsOfAnotherTrace() {
        Step stray = check(1).traceId(new TraceId(UUID.randomUUID())).build();

        assertThatThrownBy(() -> TraceGrader.grade(trace(), List.of(stray), TIERED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
