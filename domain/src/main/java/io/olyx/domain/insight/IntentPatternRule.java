package io.olyx.domain.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * intent_pattern: with at least minTotalTraces traces in the window, a named intent (not "general") holding at
 * least dominantSharePct of them with no dedicated routing rule.
 */
final class IntentPatternRule {
    private IntentPatternRule() {
    }

    static List<Insight> apply(InsightInput input, InsightThresholds t) {
        int total = input.observations().size();
        List<Insight> insights = new ArrayList<>();
        if (total < t.minTotalTraces()) {
            return insights;
        }
        for (IntentTraffic traffic : IntentTraffic.of(input.observations())) {
            int count = traffic.all().size();
            double share = 100.0 * count / total;
            if (share >= t.dominantSharePct() && !traffic.intent().equals(IntentClassifier.GENERAL)
                    && !input.routedIntents().contains(traffic.intent())) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("intent", traffic.intent());
                data.put("current_model", traffic.currentModel());
                data.put("share_pct", Math.round(share * 10) / 10.0);
                data.put("trace_count", count);
                insights.add(new Insight(InsightType.INTENT_PATTERN, traffic.intent(), data, BigDecimal.ZERO));
            }
        }
        return insights;
    }
}
