package io.olyx.domain.insight;

import io.olyx.domain.common.JsonValues;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One recommendation as seed 001's insights list shows it: its type, a JSON data map (intent, current_model,
 * suggested_model, savings_pct, ...) and the savings projected over 30 days (0 for insights about latency or
 * routing rules, which save no money by themselves).
 */
public record Insight(InsightType type, String intent, Map<String, Object> data, BigDecimal estimatedSavingsUsd) {
    public Insight {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(estimatedSavingsUsd, "estimatedSavingsUsd");
        data = JsonValues.freezeObject(data);
    }

    /** Identifies "the same insight" across refreshes, so a job can update rather than duplicate it. */
    public String dedupKey() {
        return type.wire() + ":" + intent;
    }
}
