package io.olyx.domain.grading;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;

/**
 * The numbers the grader, the stats and the insight rules judge against. A project may override them in its
 * settings under {@code grading}: {@code step_target_ms}, {@code step_slow_ms}, {@code p99_alert_ms},
 * {@code chain_depth_threshold}, {@code stall_alert_threshold}; anything absent keeps its default.
 *
 * @param stepTargetMs        a timed step above this is slow (default 1,000 ms)
 * @param stepSlowMs          a timed step above this is very slow (default 5,000 ms)
 * @param p99AlertMs          an intent whose trace p99 exceeds this raises a latency alert (default 10,000 ms)
 * @param chainDepthThreshold more tool-call cycles than this is a runaway chain (default 5)
 * @param stallAlertThreshold a stall probability at or above this is an alert (default 0.7)
 */
public record GradingThresholds(double stepTargetMs, double stepSlowMs, double p99AlertMs, int chainDepthThreshold,
                                double stallAlertThreshold) {
    public static final double DEFAULT_STEP_TARGET_MS = 1_000;
    public static final double DEFAULT_STEP_SLOW_MS = 5_000;
    public static final double DEFAULT_P99_ALERT_MS = 10_000;
    public static final int DEFAULT_CHAIN_DEPTH_THRESHOLD = 5;
    public static final double DEFAULT_STALL_ALERT_THRESHOLD = 0.7;
    public static final String SETTINGS_SECTION = "grading";

    public GradingThresholds {
        InvalidInput.require(stepTargetMs > 0 && Double.isFinite(stepTargetMs), "settings.grading.step_target_ms",
                "step_target_ms must be a positive number");
        InvalidInput.require(stepSlowMs >= stepTargetMs && Double.isFinite(stepSlowMs), "settings.grading.step_slow_ms",
                "step_slow_ms must be at least step_target_ms");
        InvalidInput.require(p99AlertMs > 0 && Double.isFinite(p99AlertMs), "settings.grading.p99_alert_ms",
                "p99_alert_ms must be a positive number");
        InvalidInput.require(chainDepthThreshold >= 1, "settings.grading.chain_depth_threshold",
                "chain_depth_threshold must be 1 or more");
        InvalidInput.require(stallAlertThreshold > 0 && stallAlertThreshold <= 1,
                "settings.grading.stall_alert_threshold", "stall_alert_threshold must be within (0, 1]");
    }

    public static GradingThresholds defaults() {
        return new GradingThresholds(DEFAULT_STEP_TARGET_MS, DEFAULT_STEP_SLOW_MS, DEFAULT_P99_ALERT_MS,
                DEFAULT_CHAIN_DEPTH_THRESHOLD, DEFAULT_STALL_ALERT_THRESHOLD);
    }

    /**
     * The project's thresholds; throws {@link InvalidInput} naming the bad setting, so a settings PATCH can call it
     * to refuse inconsistent values up front.
     */
    public static GradingThresholds from(ProjectSettings settings) {
        return new GradingThresholds(
                number(settings, "step_target_ms", DEFAULT_STEP_TARGET_MS),
                number(settings, "step_slow_ms", DEFAULT_STEP_SLOW_MS),
                number(settings, "p99_alert_ms", DEFAULT_P99_ALERT_MS),
                (int) number(settings, "chain_depth_threshold", DEFAULT_CHAIN_DEPTH_THRESHOLD),
                number(settings, "stall_alert_threshold", DEFAULT_STALL_ALERT_THRESHOLD));
    }

    /** The project's thresholds, or the defaults when its values are inconsistent: grading never fails on them. */
    public static GradingThresholds orDefaults(ProjectSettings settings) {
        try {
            return from(settings);
        } catch (InvalidInput inconsistent) {
            return defaults();
        }
    }

    private static double number(ProjectSettings settings, String key, double fallback) {
        return settings.number(SETTINGS_SECTION, key).map(BigDecimal::doubleValue).orElse(fallback);
    }
}
