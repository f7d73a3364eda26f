package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.stats.SealRollups;
import io.olyx.application.stats.StatsQuery;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.stats.StatsReport;
import io.olyx.domain.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stats read from sealed hourly rollups are exactly the stats rolled up live from the same steps and traces. */
class StatsRollupsIntegrationTest extends InMemoryDatabaseTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void sealingChangesNoFigureOfAnyPeriod(long seed) {
        Project project = db.projects().insert("Rollups " + seed, "", ProjectSettings.empty(),
                NOW.minus(Duration.ofDays(4)));
        ObservabilityData data = new ObservabilityData(db, seed);
        for (int t = 0; t < 80; t++) {
            Instant start = NOW.minus(Duration.ofMinutes(5 + (t * 37L + seed * 11) % (2 * 24 * 60)));
            Trace trace = data.trace(project, start);
            for (int s = 0; s < 5; s++) {
                data.step(project, trace, start.plusSeconds(s * 7L), t % 4 == 0 ? "gpt-4o" : null);
            }
            data.complete(trace, start.plusSeconds(50));
        }
        StatsQuery stats = new StatsQuery(db.projects(), db.statsRollups(), db.statsSource(), clock);
        StatsQuery.Query day = new StatsQuery.Query(Optional.of(24), Optional.empty(), Optional.empty());
        StatsQuery.Query threeDays = new StatsQuery.Query(Optional.of(72), Optional.empty(), Optional.empty());
        StatsQuery.Query dates = new StatsQuery.Query(Optional.empty(), Optional.of(LocalDate.of(2026, 4, 10)),
                Optional.of(LocalDate.of(2026, 4, 11)));
        StatsReport liveDay = stats.report(project, day);
        StatsReport liveThreeDays = stats.report(project, threeDays);
        StatsReport liveDates = stats.report(project, dates);

        long sealed = new SealRollups(db.projects(), db.statsRollups(), db.statsSource(), clock).seal(project);

        assertThat(sealed).isEqualTo(Duration.between(NOW.minus(Duration.ofDays(4)), NOW).toHours());
        assertThat(db.statsRollups().sealedUntil(project.id())).contains(Instant.parse("2026-04-12T09:00:00Z"));
        assertThat(stats.report(project, day)).isEqualTo(liveDay);
        assertThat(stats.report(project, threeDays)).isEqualTo(liveThreeDays);
        assertThat(stats.report(project, dates)).isEqualTo(liveDates);
        assertThat(liveThreeDays.security().totalRequests()).isEqualTo(80);
        assertThat(liveThreeDays.security().loopInterventions()).isPositive();
        assertThat(liveThreeDays.agent().mcpLatency().toolCallCount()).isPositive();
    }

    @Test
    void anHourIsSealedOnlyOnceItsCallsHaveEnded() {
        Project project = db.projects().insert("Lag", "", ProjectSettings.empty(), Instant.parse("2026-04-12T07:10:00Z"));
        SealRollups seal = new SealRollups(db.projects(), db.statsRollups(), db.statsSource(), clock);
        clock.set(Instant.parse("2026-04-12T09:14:00Z"));
        assertThat(seal.seal(project)).isEqualTo(1);
        assertThat(db.statsRollups().sealedUntil(project.id())).contains(Instant.parse("2026-04-12T08:00:00Z"));

        clock.set(Instant.parse("2026-04-12T09:15:00Z"));
        assertThat(seal.seal(project)).isEqualTo(1);
        assertThat(seal.seal(project)).isZero();
        assertThat(db.statsRollups().sealedUntil(project.id())).contains(Instant.parse("2026-04-12T09:00:00Z"));
        assertThat(db.statsRollups().buckets(project.id(), Instant.EPOCH, NOW)).isEmpty();
    }
}
