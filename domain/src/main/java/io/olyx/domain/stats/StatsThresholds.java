package io.olyx.domain.stats;

import io.olyx.domain.grading.GradingThresholds;

/**
 * Thresholds applied when stats are read (rollups keep whole histograms, so changing one recounts history).
 *
 * @param deepLoopDepth      a trace whose chain_depth exceeds this is a deep loop (default 5)
 * @param stallAlertPercent  stall_probability at or above this (in percent) is an alert (default 70)
 * @param stallMonitorPercent stall_probability at or above this and below the alert threshold is monitored
 *                           (default 40, so monitor_count counts 0.40 ≤ p < 0.70)
 * @param driftMinSamples    a model needs this many run steps in each half of the period to get a drift report
 * @param driftChangePct     a metric moving by at least this percentage between the halves marks the model drifting
 */
public record StatsThresholds(int deepLoopDepth, int stallAlertPercent, int stallMonitorPercent, long driftMinSamples,
                              double driftChangePct) {
    public static final int DEFAULT_STALL_MONITOR_PERCENT = 40;
    public static final long DEFAULT_DRIFT_MIN_SAMPLES = 30;
    public static final double DEFAULT_DRIFT_CHANGE_PCT = 20;

    public StatsThresholds {
        if (deepLoopDepth < 0 || stallMonitorPercent < 0 || stallAlertPercent < stallMonitorPercent
                || stallAlertPercent > 100 || driftMinSamples < 1 || !(driftChangePct > 0)) {
            throw new IllegalArgumentException("inconsistent stats thresholds");
        }
    }

    public static StatsThresholds defaults() {
        return from(GradingThresholds.defaults());
    }

    public static StatsThresholds from(GradingThresholds grading) {
        int alert = (int) Math.round(grading.stallAlertThreshold() * 100);
        return new StatsThresholds(grading.chainDepthThreshold(), alert,
                Math.min(DEFAULT_STALL_MONITOR_PERCENT, alert), DEFAULT_DRIFT_MIN_SAMPLES, DEFAULT_DRIFT_CHANGE_PCT);
    }
}
