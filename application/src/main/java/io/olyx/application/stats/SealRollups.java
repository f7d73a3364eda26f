package io.olyx.application.stats;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.StatsRollupStore;
import io.olyx.application.port.StatsSource;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.project.Project;
import io.olyx.domain.stats.HourlyBucket;
import io.olyx.domain.stats.StatsPeriod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pre-aggregates stats: rolls every hour that can no longer change up into one stored bucket per project-hour and
 * moves the project's watermark past it, so stats over any period read one row per hour plus the few open hours.
 * Reads steps by their own time index, never the step writer's path. Runs as a periodic job; several nodes may run
 * it, the watermark's compare-and-set keeps them from sealing the same hours twice.
 */
public final class SealRollups implements JobHandler {
    public static final String KIND = "stats.rollup";
    /**
     * A step is written when its call ends but counts in the hour it started, and a completion lands in the hour it
     * happens: an hour is sealed once calls started in it have surely ended (provider calls time out well before).
     */
    public static final Duration SEAL_LAG = Duration.ofMinutes(15);
    private static final Duration CHUNK = Duration.ofHours(24);

    private final ProjectRepository projects;
    private final StatsRollupStore store;
    private final StatsSource source;
    private final Clock clock;

    public SealRollups(ProjectRepository projects, StatsRollupStore store, StatsSource source, Clock clock) {
        this.projects = projects;
        this.store = store;
        this.source = source;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        long hours = 0;
        List<Project> all = projects.list();
        for (Project project : all) {
            hours += seal(project);
        }
        return Map.of("projects", all.size(), "hours_sealed", hours);
    }

    /** Seals the project's hours up to {@link #SEAL_LAG} ago; returns how many hours the watermark moved. */
    public long seal(Project project) {
        Instant target = StatsPeriod.hourOf(clock.instant().minus(SEAL_LAG));
        Optional<Instant> mark = store.sealedUntil(project.id());
        Instant from = mark.orElse(StatsPeriod.hourOf(project.createdAt()));
        long hours = 0;
        while (from.isBefore(target)) {
            Instant until = from.plus(CHUNK).isBefore(target) ? from.plus(CHUNK) : target;
            List<HourlyBucket> buckets = HourBuckets.read(source, project.id(), from, until);
            if (!store.seal(project.id(), mark, until, buckets, clock.instant())) {
                return hours;
            }
            hours += Duration.between(from, until).toHours();
            mark = Optional.of(until);
            from = until;
        }
        return hours;
    }
}
