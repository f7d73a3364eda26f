package io.olyx.domain.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes GET /api/v1/stats from the hour buckets of a period: merges the buckets the period covers (others are
 * ignored) and reads every block off the merged rollup; bias_drift compares the period's two halves. The cost of a
 * request is one merge per hour, independent of how many steps the hours hold.
 */
public final class StatsCalculator {
    private StatsCalculator() {
    }

    public static StatsReport compute(StatsPeriod period, List<HourlyBucket> buckets, StatsThresholds thresholds) {
        List<HourlyBucket> covered = buckets.stream().filter(b -> period.covers(b.hour()))
                .sorted(Comparator.comparing(HourlyBucket::hour)).toList();
        HourlyRollup all = HourlyRollup.mergeAll(covered.stream().map(HourlyBucket::rollup).toList());
        BigDecimal revenue = all.traces().revenue();
        BigDecimal margin = revenue.subtract(all.cost().total());
        Optional<Double> marginPct = revenue.signum() == 0 ? Optional.empty()
                : Optional.of(StatsMath.round(margin.divide(revenue, MathContext.DECIMAL64).doubleValue() * 100, 2));
        return new StatsReport(period, latency(all.requestLatency()), cost(all.cost()), revenue, margin, marginPct,
                security(all), new StatsReport.Agent(mcpLatency(all), chainDepth(all.traces(), thresholds),
                DriftDetector.detect(covered, period.midpoint(), thresholds), stall(all.traces(), thresholds)));
    }

    private static StatsReport.Latency latency(LatencySketch sketch) {
        if (sketch.count() == 0) {
            return StatsReport.Latency.none();
        }
        return new StatsReport.Latency(Optional.of(ms(sketch.percentile(50))), Optional.of(ms(sketch.percentile(95))),
                Optional.of(ms(sketch.percentile(99))), Optional.of(ms(sketch.meanMs())));
    }

    private static StatsReport.Cost cost(CostTotals cost) {
        return new StatsReport.Cost(cost.total(),
                ranked(cost.byModel()).stream().map(e -> new StatsReport.ModelCost(e.getKey(), e.getValue())).toList(),
                ranked(cost.byInfrastructure()).stream()
                        .map(e -> new StatsReport.InfrastructureCost(e.getKey(), e.getValue())).toList());
    }

    private static List<Map.Entry<String, BigDecimal>> ranked(Map<String, BigDecimal> costs) {
        return costs.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).toList();
    }

    private static StatsReport.Security security(HourlyRollup all) {
        TraceTotals t = all.traces();
        Optional<Double> fidelity = t.fidelityTraces() == 0 ? Optional.empty()
                : Optional.of(StatsMath.round(t.fidelityMicros() / 1e6 / t.fidelityTraces(), 4));
        return new StatsReport.Security(t.traces(), StatsMath.percent(t.piiTraces(), t.traces()),
                StatsMath.percent(t.injectionTraces(), t.traces()), fidelity, all.loopInterventions(),
                StatsMath.percent(t.secretTraces(), t.traces()));
    }

    private static StatsReport.McpLatency mcpLatency(HourlyRollup all) {
        LatencySketch think = all.modelThink();
        LatencySketch tools = all.toolExec();
        long agentMicros = tools.sumMicros() + think.sumMicros();
        double overhead = agentMicros == 0 ? 0 : StatsMath.round(100.0 * tools.sumMicros() / agentMicros, 1);
        return new StatsReport.McpLatency(ms(think.meanMs()), ms(think.percentile(95)), ms(tools.meanMs()),
                ms(tools.percentile(95)), tools.count(), overhead);
    }

    private static StatsReport.ChainDepth chainDepth(TraceTotals t, StatsThresholds thresholds) {
        long toolTraces = t.toolTraces();
        double avg = toolTraces == 0 ? 0 : StatsMath.round((double) t.chainDepthSum() / toolTraces, 2);
        return new StatsReport.ChainDepth(avg, t.chainDepthMax(),
                t.chainDepths().countAtLeast(thresholds.deepLoopDepth() + 1));
    }

    private static StatsReport.Stall stall(TraceTotals t, StatsThresholds thresholds) {
        long alerts = t.stallPercent().countAtLeast(thresholds.stallAlertPercent());
        long monitored = t.stallPercent().countBetween(thresholds.stallMonitorPercent(), thresholds.stallAlertPercent());
        double avg = t.traces() == 0 ? 0 : StatsMath.round(t.stallMicros() / 1e6 / t.traces(), 4);
        return new StatsReport.Stall(avg, alerts, monitored, StatsMath.percent(alerts, t.traces()));
    }

    private static double ms(double value) {
        return StatsMath.round(value, 1);
    }
}
