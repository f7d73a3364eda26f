package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.persistence.DatabaseSettings;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A node that shared the database and died in the middle of a request (kill -9, a crash): what it claimed through
 * the real persistence adapter is there, with the last lease it wrote long run out, and nothing it would have done
 * afterwards (no model step, no withdrawal, no response kept for the Idempotency-Key).
 */
final class DeadNode implements AutoCloseable {
    /** It died a lease and a few seconds ago, so its last renewal ran out a few seconds ago. */
    private static final Instant LAST_LEASE_RAN_OUT = Instant.now().minusSeconds(5);

    private final Database database;

    private DeadNode(Database database) {
        this.database = database;
    }

    static DeadNode sharing(DatabaseSettings settings) {
        return new DeadNode(Database.open(settings));
    }

    /** It recorded a caller's answer to tool call {@code callId} of run step {@code asked}, then died calling a model. */
    void answered(long projectId, String trace, long asked, String callId, String content) {
        Step answer = new Step(database.ids().nextStepId(), new TraceId(UUID.fromString(trace)),
                new ProjectId(projectId), StepType.TOOL_CALL, Optional.of(new StepId(asked)), Optional.empty(),
                Optional.empty(), null, content, 1.0, StepOutcome.OK, StepSecurity.clean(),
                Map.of("tool_call_id", callId, "name", "get_weather", "arguments", Map.of("city", "London")),
                LAST_LEASE_RAN_OUT.minus(LeaseKeeper.LEASE));
        assertThat(database.stepRecorder().recordAnswers(List.of(answer), LAST_LEASE_RAN_OUT)).isPresent();
    }

    /**
     * It claimed {@code key} for a request of the project, then died running it. The hash is not the retry's: a key
     * whose request is gone is claimed afresh, whatever that request was, as an expired one is.
     */
    void claimedKey(long projectId, String key) {
        Instant diedAt = LAST_LEASE_RAN_OUT.minus(LeaseKeeper.LEASE);
        assertThat(database.idempotency().tryBegin(new IdempotencyRecord("project:" + projectId, key,
                "hash of the request it was running", Optional.empty(), diedAt, diedAt.plus(Duration.ofHours(24))),
                LAST_LEASE_RAN_OUT)).isTrue();
    }

    @Override
    public void close() {
        database.close();
    }
}
