package io.olyx.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.grading.StepBuilder;
import io.olyx.domain.trace.StepOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatsCalculatorTest {
    static final Instant NOW = Instant.parse("2026-04-12T09:37:00Z");
    static final StatsPeriod DAY = StatsPeriod.lastHours(24, NOW);
    static final Instant FIRST_HOUR = Instant.parse("2026-04-11T10:00:00Z");
    static final Instant LAST_HOUR = Instant.parse("2026-04-12T09:00:00Z");

    static GradedTrace trace(int depth, double stall, int flags, String revenue) {
        return new GradedTrace(RollupInputs.summary(depth, stall, flags, new BigDecimal(revenue), "gpt-4o"),
                Optional.empty());
    }

    @Test
    void readsEveryBlockOffTheMergedHours() {
        RollupAccumulator early = new RollupAccumulator()
                .add(StepBuilder.run(1, "gpt-4o").cost("0.50").latency(100).tokens(1000, 0).build())
                .add(StepBuilder.run(2, "gpt-4o-mini").infrastructure("internal").cost("0.25").latency(300).build())
                .add(trace(0, 0.75, 0, "4.00")).add(trace(2, 0.5, 1, "0"));
        RollupAccumulator late = new RollupAccumulator()
                .add(StepBuilder.run(3, "gpt-4o").cost("0.25").latency(200).tokens(1, 1)
                        .calls("c", "search", Map.of()).build())
                .add(StepBuilder.toolCall(4, 3, "c", "search").latency(50).build())
                .add(StepBuilder.check(5).detail("loop_intervention", true).build())
                .add(trace(8, 0.1, 4, "6.00")).add(trace(3, 0.0, 6, "0.00"));
        List<HourlyBucket> buckets = List.of(new HourlyBucket(FIRST_HOUR, early.toRollup()),
                new HourlyBucket(LAST_HOUR, late.toRollup()),
                new HourlyBucket(FIRST_HOUR.minus(Duration.ofHours(1)), early.toRollup()));

        StatsReport report = StatsCalculator.compute(DAY, buckets, StatsThresholds.defaults());

        assertThat(report.period().label()).isEqualTo("Last 24 hours");
        assertThat(report.latency().p50().orElseThrow()).isCloseTo(200, org.assertj.core.data.Offset.offset(2.0));
        assertThat(report.latency().avgMs()).contains(200.0);
        assertThat(report.cost().total()).isEqualByComparingTo("1.00");
        assertThat(report.cost().byModel()).containsExactly(
                new StatsReport.ModelCost("gpt-4o", new BigDecimal("0.75")),
                new StatsReport.ModelCost("gpt-4o-mini", new BigDecimal("0.25")));
        assertThat(report.cost().byInfrastructure()).extracting(StatsReport.InfrastructureCost::infrastructure)
                .containsExactly("public_cloud", "internal");
        assertThat(report.revenue()).isEqualByComparingTo("10");
        assertThat(report.grossMargin()).isEqualByComparingTo("9");
        assertThat(report.grossMarginPct()).contains(90.0);

        StatsReport.Security security = report.security();
        assertThat(security.totalRequests()).isEqualTo(4);
        assertThat(security.piiBlockRate()).isEqualTo(25.0);
        assertThat(security.injectionShadowRate()).isEqualTo(25.0);
        assertThat(security.secretLeakageRate()).isEqualTo(50.0);
        assertThat(security.loopInterventions()).isEqualTo(1);
        assertThat(security.toolFidelityScore()).contains(0.2);

        StatsReport.Agent agent = report.agent();
        assertThat(agent.mcpLatency().toolCallCount()).isEqualTo(1);
        assertThat(agent.mcpLatency().avgModelThinkMs()).isEqualTo(200.0);
        assertThat(agent.mcpLatency().avgToolExecMs()).isEqualTo(50.0);
        assertThat(agent.mcpLatency().overheadRatio()).isEqualTo(20.0);
        assertThat(agent.chainDepth()).isEqualTo(new StatsReport.ChainDepth(4.33, 8, 1));
        assertThat(agent.stall()).isEqualTo(new StatsReport.Stall(0.3375, 1, 1, 25.0));
        assertThat(agent.biasDrift()).isEmpty();
    }

    @Test
    void runStepsAGuardrailBlockedMadeNoModelCallAndLeaveLatencyAlone() {
        RollupAccumulator called = new RollupAccumulator()
                .add(StepBuilder.run(1, "gpt-4o").cost("0.01").latency(800).build());
        RollupAccumulator withBlocks = new RollupAccumulator()
                .add(StepBuilder.run(1, "gpt-4o").cost("0.01").latency(800).build());
        for (int i = 0; i < 4; i++) {
            withBlocks.add(StepBuilder.run(2 + i, null).outcome(StepOutcome.BLOCKED).latency(1 + i)
                    .tools(StepBuilder.tool("search", Map.of())).build());
        }

        StatsReport without = StatsCalculator.compute(DAY, List.of(new HourlyBucket(LAST_HOUR, called.toRollup())),
                StatsThresholds.defaults());
        StatsReport with = StatsCalculator.compute(DAY, List.of(new HourlyBucket(LAST_HOUR,
                withBlocks.toRollup())), StatsThresholds.defaults());

        assertThat(with.latency()).isEqualTo(without.latency());
        assertThat(with.latency().avgMs()).contains(800.0);
        assertThat(with.agent().mcpLatency()).isEqualTo(without.agent().mcpLatency());
    }

    @Test
    void anEmptyPeriodReportsZerosNoLatencyAndNoRatios() {
        StatsReport report = StatsCalculator.compute(DAY, List.of(), StatsThresholds.defaults());

        assertThat(report.latency()).isEqualTo(StatsReport.Latency.none());
        assertThat(report.grossMarginPct()).isEmpty();
        assertThat(report.security().toolFidelityScore()).isEmpty();
        assertThat(report.security().piiBlockRate()).isZero();
        assertThat(report.agent().stall().alertRatePct()).isZero();
    }

    @Test
    void thresholdsApplyWhenReading() {
        HourlyRollup rollup = new RollupAccumulator().add(trace(4, 0.45, 0, "1")).add(trace(6, 0.65, 0, "1"))
                .toRollup();
        List<HourlyBucket> buckets = List.of(new HourlyBucket(LAST_HOUR, rollup));

        StatsReport lenient = StatsCalculator.compute(DAY, buckets, StatsThresholds.defaults());
        StatsReport strict = StatsCalculator.compute(DAY, buckets, new StatsThresholds(3, 60, 40, 30, 20));

        assertThat(lenient.agent().chainDepth().deepLoopCount()).isEqualTo(1);
        assertThat(lenient.agent().stall().alertCount()).isZero();
        assertThat(lenient.agent().stall().monitorCount()).isEqualTo(2);
        assertThat(strict.agent().chainDepth().deepLoopCount()).isEqualTo(2);
        assertThat(strict.agent().stall().alertCount()).isEqualTo(1);
        assertThat(strict.agent().stall().monitorCount()).isEqualTo(1);
    }

    @Test
    void reportsDriftForModelsWithEnoughSamplesInBothHalves() {
        List<HourlyBucket> buckets = new ArrayList<>();
        buckets.add(new HourlyBucket(FIRST_HOUR, hour("gpt-4o", 40, 500, "0.010", 3.0)));
        buckets.add(new HourlyBucket(LAST_HOUR, hour("gpt-4o", 40, 900, "0.010", 3.0)));
        buckets.add(new HourlyBucket(FIRST_HOUR.plus(Duration.ofHours(1)), hour("gpt-4o-mini", 40, 300, "0.001", 4)));
        buckets.add(new HourlyBucket(LAST_HOUR.minus(Duration.ofHours(1)), hour("gpt-4o-mini", 10, 300, "0.001", 4)));

        List<DriftReport> drift = StatsCalculator.compute(DAY, buckets, StatsThresholds.defaults()).agent()
                .biasDrift();

        assertThat(drift).hasSize(1);
        DriftReport report = drift.get(0);
        assertThat(report.model()).isEqualTo("gpt-4o");
        assertThat(report.earlierSamples()).isEqualTo(40);
        assertThat(report.latencyMs()).isEqualTo(new DriftReport.Change(500, 900, 80.0));
        assertThat(report.costPer1kTokens()).hasValueSatisfying(c -> assertThat(c.changePct()).isZero());
        assertThat(report.userRating()).hasValueSatisfying(c -> assertThat(c.recent()).isEqualTo(3.0));
        assertThat(report.drifting()).isTrue();
    }

    static HourlyRollup hour(String model, int steps, double latency, String cost, double rating) {
        RollupAccumulator acc = new RollupAccumulator();
        for (int i = 0; i < steps; i++) {
            acc.add(StepBuilder.run(i + 1, model).latency(latency).cost(cost).tokens(1000, 0).build());
            acc.add(new GradedTrace(RollupInputs.summary(0, 0, 1, new BigDecimal(cost), model), Optional.of(rating)));
        }
        return acc.toRollup();
    }
}
