package io.olyx.domain.insight;

/**
 * When the evidence is strong enough to speak.
 *
 * @param minTraces        traces of an intent on its current model before any insight about it (default 10)
 * @param minReplays       replays to a candidate before they count as evidence (default 3)
 * @param replayAgreement  share of those replays that must hold quality (default 0.8)
 * @param ratingTolerance  how far below the current model's mean user rating a candidate may be (default 0.25)
 * @param minRatings       ratings each side needs before ratings are compared at all (default 5)
 * @param minSavingsPct    a migration must save at least this share of the intent's spend (default 20)
 * @param minTotalTraces   traces in the window before traffic shares mean anything (default 30)
 * @param dominantSharePct an intent with at least this share of traffic dominates it (default 40)
 */
public record InsightThresholds(int minTraces, int minReplays, double replayAgreement, double ratingTolerance,
                                int minRatings, double minSavingsPct, int minTotalTraces, double dominantSharePct) {
    public InsightThresholds {
        if (minTraces < 1 || minReplays < 1 || !(replayAgreement > 0 && replayAgreement <= 1) || ratingTolerance < 0
                || minRatings < 1 || !(minSavingsPct > 0 && minSavingsPct < 100) || minTotalTraces < 1
                || !(dominantSharePct > 0 && dominantSharePct <= 100)) {
            throw new IllegalArgumentException("inconsistent insight thresholds");
        }
    }

    public static InsightThresholds defaults() {
        return new InsightThresholds(10, 3, 0.8, 0.25, 5, 20, 30, 40);
    }
}
