package io.olyx.domain.insight;

import io.olyx.domain.grading.Percentiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * latency_alert: an intent with at least minTraces traces whose p99 total latency ({@link Percentiles}) exceeds
 * the project's p99 threshold.
 */
final class LatencyRule {
    private LatencyRule() {
    }

    static List<Insight> apply(InsightInput input, InsightThresholds t) {
        List<Insight> insights = new ArrayList<>();
        for (IntentTraffic traffic : IntentTraffic.of(input.observations())) {
            List<TraceObservation> all = traffic.all();
            if (all.size() < t.minTraces()) {
                continue;
            }
            double p99 = Percentiles.of(all.stream().map(TraceObservation::totalLatencyMs).toList(), 99);
            if (p99 > input.p99AlertMs()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("intent", traffic.intent());
                data.put("current_model", traffic.currentModel());
                data.put("p99_ms", Math.round(p99 * 10) / 10.0);
                data.put("threshold_ms", input.p99AlertMs());
                data.put("trace_count", all.size());
                insights.add(new Insight(InsightType.LATENCY_ALERT, traffic.intent(), data, BigDecimal.ZERO));
            }
        }
        return insights;
    }
}
