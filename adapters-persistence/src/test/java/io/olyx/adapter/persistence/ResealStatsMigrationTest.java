package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * V39 clears the sealed stats hours of projects whose steps are all still there, so they are resealed under the
 * current rules, and keeps those of projects whose retention may have deleted steps (their hours could not be
 * counted again).
 */
class ResealStatsMigrationTest {
    private static final OffsetDateTime HOUR = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void onH2() {
        assertOnlyProjectsWithEveryStepKeptAreResealed(DatabaseSettings.inMemory("reseal-stats-migration"));
    }

    @Test
    void onPostgres() {
        assertOnlyProjectsWithEveryStepKeptAreResealed(EmbeddedPostgres.freshDatabase());
    }

    private static void assertOnlyProjectsWithEveryStepKeptAreResealed(DatabaseSettings settings) {
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration").target("36").load().migrate();
        Jdbi jdbi = Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
        jdbi.useHandle(h -> {
            sealedProject(h, 1, "{\"retention\":{\"payload_days\":7}}");
            sealedProject(h, 2, "{\"retention\":{\"trace_days\":30}}");
            sealedProject(h, 3, "{}");
            h.execute("""
                    INSERT INTO audit_events (event, project_id, ip, user_agent, metadata, occurred_at)
                    VALUES ('project_updated', 3, '', '', '{"settings_keys":["retention"]}', ?)""", HOUR);
            sealedProject(h, 4, "{}");
            h.execute("""
                    INSERT INTO audit_events (event, project_id, ip, user_agent, metadata, occurred_at)
                    VALUES ('project_updated', 4, '', '', '{"name":"Renamed"}', ?)""", HOUR);
        });

        Database.open(settings).close();

        jdbi.useHandle(h -> {
            assertThat(h.createQuery("SELECT project_id FROM stats_hourly_rollups ORDER BY project_id")
                    .mapTo(Long.class).list()).as("hours kept").containsExactly(2L, 3L);
            assertThat(h.createQuery("SELECT project_id FROM stats_watermarks ORDER BY project_id")
                    .mapTo(Long.class).list()).as("watermarks kept").containsExactly(2L, 3L);
        });
    }

    private static void sealedProject(Handle h, long id, String settings) {
        h.execute("""
                INSERT INTO projects (id, name, description, status, settings, created_at, updated_at)
                VALUES (?, ?, '', 'active', ?, ?, ?)""", id, "p" + id, settings, HOUR, HOUR);
        h.execute("INSERT INTO stats_hourly_rollups (project_id, hour_start, rollup, built_at) VALUES (?, ?, '{}', ?)",
                id, HOUR, HOUR);
        h.execute("INSERT INTO stats_watermarks (project_id, sealed_until) VALUES (?, ?)", id, HOUR.plusHours(1));
    }
}
