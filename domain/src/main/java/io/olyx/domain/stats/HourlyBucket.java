package io.olyx.domain.stats;

import java.time.Instant;
import java.util.Objects;

/** One stored hour: the start of the hour and its rollup. */
public record HourlyBucket(Instant hour, HourlyRollup rollup) {
    public HourlyBucket {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(rollup, "rollup");
        if (!StatsPeriod.hourOf(hour).equals(hour)) {
            throw new IllegalArgumentException("a bucket starts on the hour");
        }
    }
}
