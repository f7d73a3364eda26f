package io.olyx.domain.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * How one model's behaviour moved between the earlier and the recent half of a stats period. Reported for every
 * model with enough run steps in both halves; {@code drifting} when any metric moved by the drift threshold or more.
 *
 * @param costPer1kTokens empty when a half had no token counts
 * @param userRating      empty unless both halves have enough rated traces
 */
public record DriftReport(String model, long earlierSamples, long recentSamples, Change latencyMs,
                          Optional<Change> costPer1kTokens, Optional<Change> userRating, boolean drifting) {
    public DriftReport {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(costPer1kTokens, "costPer1kTokens");
        Objects.requireNonNull(userRating, "userRating");
    }

    /** changePct = (recent − earlier) / earlier × 100, or 0 when earlier is 0. */
    public record Change(double earlier, double recent, double changePct) {
        public static Change between(double earlier, double recent) {
            double pct = earlier == 0 ? 0 : (recent - earlier) / earlier * 100;
            return new Change(StatsMath.round(earlier, 6), StatsMath.round(recent, 6), StatsMath.round(pct, 2));
        }
    }
}
