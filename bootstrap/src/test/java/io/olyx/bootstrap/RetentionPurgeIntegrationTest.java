package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.retention.PurgeExpiredData;
import io.olyx.application.stats.SealRollups;
import io.olyx.application.stats.StatsQuery;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.stats.StatsReport;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduled purge against a real database: project retention, model retention, and stats that survive it. */
class RetentionPurgeIntegrationTest extends InMemoryDatabaseTest {
    @Test
    void thePurgeAppliesProjectAndModelRetentionAndKeepsTheStats() throws Exception {
        Project project = db.projects().insert("Retention", "", new ProjectSettings(Map.of("retention",
                Map.of("trace_days", 7, "payload_days", 2))), NOW.minus(Duration.ofDays(30)));
        Project untouched = db.projects().insert("Keep everything", "", ProjectSettings.empty(),
                NOW.minus(Duration.ofDays(30)));
        db.models().insert(new ModelDefinition(db.models().nextId(), project.id(), null, "short-lived",
                ProviderKind.SANDBOX, Optional.empty(), Optional.empty(), true, Pricing.free(), 1, null, "USD",
                Map.of(), NOW, NOW));
        ObservabilityData data = new ObservabilityData(db, 42);
        Trace old = data.trace(project, NOW.minus(Duration.ofDays(10)));
        Step oldStep = data.step(project, old, NOW.minus(Duration.ofDays(10)), "gpt-4o");
        Trace middle = data.trace(project, NOW.minus(Duration.ofDays(3)));
        Step middleStep = data.step(project, middle, NOW.minus(Duration.ofDays(3)), "gpt-4o");
        Trace fresh = data.trace(project, NOW.minus(Duration.ofHours(40)));
        Step shortLived = data.step(project, fresh, NOW.minus(Duration.ofHours(30)), "short-lived");
        Step kept = data.step(project, fresh, NOW.minus(Duration.ofHours(30)), "gpt-4o");
        Trace elsewhere = data.trace(untouched, NOW.minus(Duration.ofDays(20)));
        Step elsewhereStep = data.step(untouched, elsewhere, NOW.minus(Duration.ofDays(20)), "gpt-4o");
        StatsQuery stats = new StatsQuery(db.projects(), db.statsRollups(), db.statsSource(), clock);
        StatsQuery.Query twoWeeks = new StatsQuery.Query(Optional.of(24 * 14), Optional.empty(), Optional.empty());
        StatsReport before = stats.report(project, twoWeeks);
        SealRollups seal = new SealRollups(db.projects(), db.statsRollups(), db.statsSource(), clock);

        long oldJob = finishedJob(NOW.minus(Duration.ofDays(8)));
        long recentJob = finishedJob(NOW.minus(Duration.ofDays(1)));

        Map<String, Object> result = new PurgeExpiredData(db.projects(), db.models(), db.retention(), db.replays(),
                db.jobs(), seal, clock).handle(job());

        assertThat(result).containsEntry("traces_deleted", 1L);
        assertThat(db.traces().find(project.id(), old.id())).isEmpty();
        assertThat(db.steps().find(project.id(), oldStep.id())).isEmpty();
        assertThat(db.steps().find(project.id(), middleStep.id()).orElseThrow().input()).isNull();
        assertThat(db.steps().find(project.id(), shortLived.id()).orElseThrow().output()).isNull();
        assertThat(db.steps().find(project.id(), kept.id()).orElseThrow().output()).isEqualTo(kept.output());
        assertThat(db.steps().find(untouched.id(), elsewhereStep.id()).orElseThrow().input())
                .isEqualTo(elsewhereStep.input());
        assertThat(stats.report(project, twoWeeks)).isEqualTo(before);
        assertThat(before.cost().total()).isGreaterThan(BigDecimal.ZERO);
        assertThat(result).containsEntry("jobs_deleted", 1);
        assertThat(db.jobs().find(oldJob)).isEmpty();
        assertThat(db.jobs().find(recentJob)).isPresent();
    }

    private long finishedJob(Instant at) {
        db.jobs().enqueue(new NewJob("test.finished", Optional.empty(), Map.of(), 1, at, Optional.empty()), at);
        Job claimed = db.jobs().claim("node-a", java.util.List.of("test.finished"), 1, at, Duration.ofMinutes(1))
                .get(0);
        db.jobs().succeed(claimed.id(), "node-a", Map.of(), at);
        return claimed.id();
    }

    private static Job job() {
        return new Job(1, PurgeExpiredData.KIND, Optional.empty(), Map.of(), io.olyx.domain.jobs.JobStatus.RUNNING,
                1, 1, NOW, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), NOW, NOW);
    }
}
