package io.olyx.application.stats;

import io.olyx.application.port.StatsSource;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.HourlyBucket;
import io.olyx.domain.stats.RollupAccumulator;
import io.olyx.domain.stats.StatsPeriod;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.TreeMap;

/**
 * Rolls raw facts up into hour buckets: a step counts in the hour it started, a graded trace in the hour it ended.
 * Hours without any fact get no bucket (an absent hour reads as empty).
 */
final class HourBuckets {
    private HourBuckets() {
    }

    static List<HourlyBucket> read(StatsSource source, ProjectId project, Instant from, Instant to) {
        Map<Instant, RollupAccumulator> hours = new TreeMap<>();
        source.steps(project, from, to).forEach(step -> hour(hours, step.createdAt()).add(step));
        source.endedTraces(project, from, to).forEach(ended -> hour(hours, ended.endedAt()).add(ended.trace()));
        return hours.entrySet().stream().map(e -> new HourlyBucket(e.getKey(), e.getValue().toRollup())).toList();
    }

    private static RollupAccumulator hour(Map<Instant, RollupAccumulator> hours, Instant at) {
        return hours.computeIfAbsent(StatsPeriod.hourOf(at), h -> new RollupAccumulator());
    }
}
