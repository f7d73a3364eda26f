package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.HourlyBucket;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pre-aggregated stats: the sealed hour buckets of each project and, per project, the hour before which every hour is
 * sealed (stored when it saw activity, absent when it saw none). A sealed hour is never computed from steps again.
 */
public interface StatsRollupStore {
    /** Every hour before this instant is sealed; empty until the first seal. */
    Optional<Instant> sealedUntil(ProjectId project);

    /** The stored buckets with {@code from <= hour < to}, oldest first. */
    List<HourlyBucket> buckets(ProjectId project, Instant from, Instant to);

    /**
     * Stores {@code buckets} (hours in [previous watermark, {@code until})) and moves the watermark to {@code until},
     * all or nothing, but only if the watermark is still {@code expected}: false, with nothing stored, when another
     * node sealed meanwhile.
     */
    boolean seal(ProjectId project, Optional<Instant> expected, Instant until, List<HourlyBucket> buckets,
                 Instant now);
}
