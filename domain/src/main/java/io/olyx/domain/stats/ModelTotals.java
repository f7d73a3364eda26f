package io.olyx.domain.stats;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One model's traffic in an hour, enough to see it drift: its run steps with their latency, tokens and cost, and
 * the user ratings of the traces it served (as the trace's primary model). Sums are exact so merges are exact.
 */
public record ModelTotals(long runSteps, long latencyMicros, long tokens, BigDecimal cost, long ratingMicros,
                          long ratings) {
    public ModelTotals {
        Objects.requireNonNull(cost, "cost");
        if (runSteps < 0 || latencyMicros < 0 || tokens < 0 || ratingMicros < 0 || ratings < 0) {
            throw new IllegalArgumentException("model totals must not be negative");
        }
    }

    public static ModelTotals empty() {
        return new ModelTotals(0, 0, 0, BigDecimal.ZERO, 0, 0);
    }

    public ModelTotals merge(ModelTotals o) {
        return new ModelTotals(runSteps + o.runSteps, latencyMicros + o.latencyMicros, tokens + o.tokens,
                cost.add(o.cost), ratingMicros + o.ratingMicros, ratings + o.ratings);
    }

    public double meanLatencyMs() {
        return runSteps == 0 ? 0 : latencyMicros / 1_000.0 / runSteps;
    }

    public double costPer1kTokens() {
        return tokens == 0 ? 0 : cost.doubleValue() * 1_000 / tokens;
    }

    public double meanRating() {
        return ratings == 0 ? 0 : ratingMicros / 1e6 / ratings;
    }
}
