package io.olyx.application.project;

import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.common.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads projects with their month-to-date spend (UTC calendar month). */
public final class ProjectQueries {
    private final ProjectRepository projects;
    private final Clock clock;

    public ProjectQueries(ProjectRepository projects, Clock clock) {
        this.projects = projects;
        this.clock = clock;
    }

    public List<ProjectView> list() {
        Map<ProjectId, BigDecimal> spend = projects.spendSince(startOfMonth());
        return projects.list().stream().map(p -> new ProjectView(p, spend.getOrDefault(p.id(), BigDecimal.ZERO)))
                .toList();
    }

    public Optional<ProjectView> get(ProjectId id) {
        return projects.findById(id).map(p -> new ProjectView(p,
                projects.spendSince(startOfMonth()).getOrDefault(p.id(), BigDecimal.ZERO)));
    }

    private Instant startOfMonth() {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        return now.withDayOfMonth(1).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The spend in money's one form, as every amount is written: a sum read from the database has its scale. */
    public record ProjectView(Project project, BigDecimal totalMonthlySpend) {
        public ProjectView {
            totalMonthlySpend = Money.normalize(totalMonthlySpend);
        }
    }
}
