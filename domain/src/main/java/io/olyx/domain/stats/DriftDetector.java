package io.olyx.domain.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares each model's earlier and recent half of a period: mean run-step latency, cost per 1,000 tokens and mean
 * user rating. Needs the hours apart (merging the whole period would erase the time order), so it reads buckets.
 */
final class DriftDetector {
    /** Ratings are sparser than steps; a third of the step threshold (at least 5) must be rated in each half. */
    private static final long MIN_RATING_FLOOR = 5;

    private DriftDetector() {
    }

    static List<DriftReport> detect(List<HourlyBucket> buckets, Instant midpoint, StatsThresholds thresholds) {
        Map<String, ModelTotals> earlier = new TreeMap<>();
        Map<String, ModelTotals> recent = new TreeMap<>();
        for (HourlyBucket bucket : buckets) {
            Map<String, ModelTotals> half = bucket.hour().isBefore(midpoint) ? earlier : recent;
            bucket.rollup().models().forEach((model, totals) -> half.merge(model, totals, ModelTotals::merge));
        }
        List<DriftReport> reports = new ArrayList<>();
        earlier.forEach((model, before) -> {
            ModelTotals after = recent.get(model);
            if (after != null && before.runSteps() >= thresholds.driftMinSamples()
                    && after.runSteps() >= thresholds.driftMinSamples()) {
                reports.add(report(model, before, after, thresholds));
            }
        });
        return reports;
    }

    private static DriftReport report(String model, ModelTotals before, ModelTotals after, StatsThresholds t) {
        DriftReport.Change latency = DriftReport.Change.between(before.meanLatencyMs(), after.meanLatencyMs());
        Optional<DriftReport.Change> cost = before.tokens() > 0 && after.tokens() > 0
                ? Optional.of(DriftReport.Change.between(before.costPer1kTokens(), after.costPer1kTokens()))
                : Optional.empty();
        long minRatings = Math.max(MIN_RATING_FLOOR, t.driftMinSamples() / 3);
        Optional<DriftReport.Change> rating = before.ratings() >= minRatings && after.ratings() >= minRatings
                ? Optional.of(DriftReport.Change.between(before.meanRating(), after.meanRating()))
                : Optional.empty();
        boolean drifting = moved(latency, t) || cost.filter(c -> moved(c, t)).isPresent()
                || rating.filter(c -> moved(c, t)).isPresent();
        return new DriftReport(model, before.runSteps(), after.runSteps(), latency, cost, rating, drifting);
    }

    private static boolean moved(DriftReport.Change change, StatsThresholds t) {
        return Math.abs(change.changePct()) >= t.driftChangePct();
    }
}
