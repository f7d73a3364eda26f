package io.olyx.application.stats;

import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.StatsRollupStore;
import io.olyx.application.port.StatsSource;
import io.olyx.domain.grading.GradingThresholds;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectStatus;
import io.olyx.domain.stats.HourlyBucket;
import io.olyx.domain.stats.StatsCalculator;
import io.olyx.domain.stats.StatsPeriod;
import io.olyx.domain.stats.StatsReport;
import io.olyx.domain.stats.StatsThresholds;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * GET /api/v1/stats: sealed hours come from the stored rollups, the hours after the project's watermark (the open
 * hour, and the one before it for the first minutes of an hour) are rolled up live from their steps, so the answer
 * is current and its cost depends on the period's hours, not on how many steps they hold.
 */
public final class StatsQuery {
    private final ProjectRepository projects;
    private final StatsRollupStore store;
    private final StatsSource source;
    private final Clock clock;

    public StatsQuery(ProjectRepository projects, StatsRollupStore store, StatsSource source, Clock clock) {
        this.projects = projects;
        this.store = store;
        this.source = source;
        this.clock = clock;
    }

    public StatsReport report(Project project, Query query) {
        Instant now = clock.instant();
        StatsPeriod period = StatsPeriod.resolve(query.window(), query.startDate(), query.endDate(), now);
        Instant first = StatsPeriod.hourOf(period.start());
        Instant sealed = store.sealedUntil(project.id()).orElse(StatsPeriod.hourOf(project.createdAt()));
        List<HourlyBucket> buckets = new ArrayList<>(store.buckets(project.id(), first, earlier(sealed, period.end())));
        Instant liveFrom = sealed.isAfter(first) ? sealed : first;
        Instant liveTo = earlier(period.end(), now);
        if (liveFrom.isBefore(liveTo)) {
            buckets.addAll(HourBuckets.read(source, project.id(), liveFrom, liveTo));
        }
        GradingThresholds grading = GradingThresholds.orDefaults(project.settings());
        return StatsCalculator.compute(period, buckets, StatsThresholds.from(grading));
    }

    /** The project a dashboard session reads: the one it names, else the first active project (lowest id). */
    public Optional<Project> dashboardProject(Optional<ProjectId> named) {
        if (named.isPresent()) {
            return projects.findById(named.get());
        }
        return projects.list().stream().filter(p -> p.status() == ProjectStatus.ACTIVE)
                .min(Comparator.comparingLong(p -> p.id().value()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The seed's query parameters: window (hours) or start_date/end_date, mutually exclusive. */
    public record Query(Optional<Integer> window, Optional<LocalDate> startDate, Optional<LocalDate> endDate) {
    }
}
