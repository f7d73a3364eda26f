package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database file: one chunk per commit, and the rewrite that lets their space be used again. */
class H2CompactionTest {
    private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void chunksLeftMostlyEmptyByCommitsAreRewrittenUntilTheFileIsMostlyLiveData() {
        DatabaseSettings embedded = DatabaseSettings.embedded(dir, 4);
        // H2 keeps a chunk for 45 s before rewriting it; the test does not wait for that.
        DatabaseSettings settings = new DatabaseSettings(embedded.jdbcUrl() + ";RETENTION_TIME=0", embedded.user(),
                embedded.password(), embedded.maxPoolSize());
        try (Database db = Database.open(settings)) {
            H2Compaction compaction = db.compaction().orElseThrow();
            compaction.close(); // stops the timed rounds: this test runs them itself
            Project project = db.projects().insert("Compaction", "", ProjectSettings.empty(), NOW);
            Trace trace = new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING,
                    Map.of(), Optional.empty(), Optional.empty(), "api", Optional.empty(), NOW, Optional.empty(),
                    Optional.empty());
            db.traces().insert(trace);
            for (int n = 0; n < 3_000; n++) {
                record(db, trace, n);
            }
            int before = compaction.chunksFillRate();

            int rounds = 0;
            while (compaction.round() && rounds < 1_000) {
                rounds++;
            }
            record(db, trace, 3_000); // a commit drops the chunks the last round emptied

            assertThat(before).as("one commit per step leaves chunks mostly empty").isLessThan(50);
            assertThat(rounds).isPositive();
            assertThat(compaction.chunksFillRate()).isGreaterThanOrEqualTo(H2Compaction.TARGET_FILL_RATE);
            assertThat(db.steps().listByTrace(project.id(), trace.id())).hasSize(3_001);
        }
    }

    private static void record(Database db, Trace trace, int n) {
        db.stepRecorder().record(new Step(db.ids().nextStepId(), trace.id(), trace.projectId(), StepType.RUN,
                Optional.empty(), Optional.empty(), Optional.empty(), "input " + n, "output " + n, 1.0,
                StepOutcome.OK, StepSecurity.clean(), Map.of(), NOW));
    }

    @Test
    void aDatabaseInMemoryHasNoFileToCompact() {
        try (Database db = Database.open(DatabaseSettings.inMemory("no-file"))) {
            assertThat(db.compaction()).isEmpty();
        }
    }
}
