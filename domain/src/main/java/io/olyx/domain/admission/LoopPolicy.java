package io.olyx.domain.admission;

import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * When repetition counts as a runaway loop: the same request fingerprint on one trace {@code threshold} times within
 * {@code window}. Set per project as settings.loop_detection.{threshold, window_seconds}; threshold 0 turns it off.
 */
public record LoopPolicy(int threshold, Duration window) {
    public static final LoopPolicy DEFAULT = new LoopPolicy(5, Duration.ofMinutes(10));

    public LoopPolicy {
        if (threshold < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("loop_detection needs threshold >= 0 and a positive window");
        }
    }

    public static LoopPolicy of(ProjectSettings settings) {
        // a threshold of 1, stored before it was refused, would pause a key on its first request: read it as 2
        int threshold = settings.number("loop_detection", "threshold").map(BigDecimal::intValue)
                .map(t -> t == 1 ? ProjectSettings.MIN_LOOP_THRESHOLD : t).orElse(DEFAULT.threshold);
        Duration window = settings.number("loop_detection", "window_seconds")
                .map(s -> Duration.ofSeconds(Math.max(1, s.longValue()))).orElse(DEFAULT.window);
        return new LoopPolicy(threshold, window);
    }

    public boolean enabled() {
        return threshold > 0;
    }

    /** {@code earlier} identical requests already seen in the window; this one would be number earlier + 1. */
    public boolean isLoop(long earlier) {
        return enabled() && earlier + 1 >= threshold;
    }
}
