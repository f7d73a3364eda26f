package io.olyx.domain.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives a project's insights from one observed window: migration alerts ({@link MigrationRule}), latency alerts
 * ({@link LatencyRule}) and intent patterns ({@link IntentPatternRule}). Deterministic: the same input gives the
 * same insights in the same order (by type, then projected savings, highest first, then intent).
 */
public final class InsightRules {
    private InsightRules() {
    }

    public static List<Insight> derive(InsightInput input) {
        return derive(input, InsightThresholds.defaults());
    }

    public static List<Insight> derive(InsightInput input, InsightThresholds thresholds) {
        List<Insight> insights = new ArrayList<>();
        insights.addAll(MigrationRule.apply(input, thresholds));
        insights.addAll(LatencyRule.apply(input, thresholds));
        insights.addAll(IntentPatternRule.apply(input, thresholds));
        insights.sort(Comparator.comparing(Insight::type)
                .thenComparing(Insight::estimatedSavingsUsd, Comparator.reverseOrder())
                .thenComparing(Insight::intent));
        return List.copyOf(insights);
    }
}
