package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.idempotency.IdempotentRequests.Outcome;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.application.port.StepRecorder.Landing;
import io.olyx.domain.idempotency.IdempotencyRecord;
import io.olyx.domain.idempotency.IdempotencyRecord.StoredResponse;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a request claimed in the database before its node died (a caller's answers to tool calls, an Idempotency-Key)
 * is taken over once its lease has run out, and only then: a claim whose lease runs, or was renewed, keeps it. Leases
 * are given as instants, as the node's clock would give them; no test waits.
 */
abstract class AbandonedClaimsContract extends DatabaseContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void answersWhoseLeaseRanOutAreTakenOverAndLiveOrRenewedOnesKeepTheirCalls() {
        Asked asked = asked("Abandoned answers");
        List<Step> dead = List.of(answer(asked, "call_london"), answer(asked, "call_paris"));
        assertThat(db.stepRecorder().recordAnswers(dead, NOW.plus(LEASE))).isPresent();
        List<Step> retry = List.of(answer(asked, "call_london"));

        Optional<Landing> whileLive = db.stepRecorder().takeOverAnswers(retry, later(30).plus(LEASE), later(30));
        db.stepRecorder().renewAnswers(dead, later(40).plus(LEASE));
        Optional<Landing> afterRenewal = db.stepRecorder().takeOverAnswers(retry, later(90).plus(LEASE), later(90));
        List<Step> keptWhileLive = answersUnder(asked);
        Optional<Landing> afterLapse = db.stepRecorder().takeOverAnswers(retry, later(101).plus(LEASE), later(101));

        assertThat(whileLive).as("the first request may still be working on them").isEmpty();
        assertThat(afterRenewal).as("its node renewed the lease").isEmpty();
        assertThat(keptWhileLive).containsExactlyElementsOf(dead);
        assertThat(afterLapse).contains(Landing.OPEN_TRACE);
        assertThat(answersUnder(asked)).as("the dead request's answers are withdrawn, the retry's recorded")
                .containsExactlyElementsOf(retry);
    }

    @Test
    void answersAModelAnsweredOrOfAnEndedTraceAreNeverTakenOver() {
        Asked answered = asked("Answered answers");
        List<Step> consumed = List.of(answer(answered, "call_weather"));
        db.stepRecorder().recordAnswers(consumed, NOW.plus(LEASE));
        db.stepRecorder().record(step(answered, StepType.RUN, Map.of()));
        Asked ended = asked("Ended answers");
        List<Step> counted = List.of(answer(ended, "call_weather"));
        db.stepRecorder().recordAnswers(counted, NOW.plus(LEASE));
        db.traces().updateIfStatus(ended.trace().ended(TraceStatus.COMPLETED, later(1), summary()),
                TraceStatus.PENDING);
        Instant muchLater = later(3600);

        assertThat(db.stepRecorder().takeOverAnswers(List.of(answer(answered, "call_weather")),
                muchLater.plus(LEASE), muchLater)).as("the model's answer after them decided on them").isEmpty();
        assertThat(db.stepRecorder().takeOverAnswers(List.of(answer(ended, "call_weather")),
                muchLater.plus(LEASE), muchLater)).as("an ended trace's summary counts them").isEmpty();
        assertThat(answersUnder(answered)).containsExactlyElementsOf(consumed);
        assertThat(answersUnder(ended)).containsExactlyElementsOf(counted);
    }

    /** Retries on two nodes, all released at once over the same abandoned answers: one takes them over. */
    @Test
    void retriesRacingOverAbandonedAnswersOnTwoNodesTakeThemOverOnce() throws Exception {
        Asked asked = asked("Racing takeovers");
        db.stepRecorder().recordAnswers(List.of(answer(asked, "call_weather")), NOW.plus(LEASE));
        Instant lapsed = later(120);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Landing>>> takeovers = new ArrayList<>();
        try (Database otherNode = Database.open(settings())) {
            for (int i = 0; i < 24; i++) {
                Database node = i % 2 == 0 ? db : otherNode;
                List<Step> retry = List.of(answer(asked, "call_weather"));
                takeovers.add(pool.submit(() -> {
                    start.await();
                    return node.stepRecorder().takeOverAnswers(retry, lapsed.plus(LEASE), lapsed);
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Optional<Landing>> takeover : takeovers) {
                taken += takeover.get().isPresent() ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(answersUnder(asked)).hasSize(1);
    }

    @Test
    void anUnfinishedKeyClaimIsTakenOverOnlyOnceItsLeaseRanOut() {
        IdempotencyRecord claim = new IdempotencyRecord("project:1", "key-" + NOW.toEpochMilli(), "hash",
                Optional.empty(), NOW, NOW.plus(Duration.ofHours(24)));
        IdempotencyRecord finished = new IdempotencyRecord("project:1", "finished-" + NOW.toEpochMilli(), "hash",
                Optional.empty(), NOW, NOW.plus(Duration.ofHours(24)));
        assertThat(db.idempotency().tryBegin(claim, NOW.plus(LEASE))).isTrue();
        assertThat(db.idempotency().tryBegin(finished, NOW.plus(LEASE))).isTrue();
        db.idempotency().complete(finished.scope(), finished.key(), new StoredResponse(200, "{}", "application/json"));

        boolean whileLive = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(30));
        db.idempotency().renew(claim.scope(), claim.key(), later(40).plus(LEASE));
        boolean afterRenewal = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(90));
        boolean afterLapse = db.idempotency().deleteIfExpiredOrAbandoned(claim.scope(), claim.key(), later(101));

        assertThat(whileLive).isFalse();
        assertThat(afterRenewal).isFalse();
        assertThat(afterLapse).isTrue();
        assertThat(db.idempotency().tryBegin(claim, later(101).plus(LEASE))).as("claimed afresh").isTrue();
        assertThat(db.idempotency().deleteIfExpiredOrAbandoned(finished.scope(), finished.key(), later(3600)))
                .as("a finished request's response is kept for its retries").isFalse();
    }

    /** The request's node died holding the key: the retry runs it, where it waited for a response never to come. */
    @Test
    void aRetryRunsTheRequestWhoseKeyClaimWasAbandoned() {
        String key = "dead-" + NOW.toEpochMilli();
        db.idempotency().tryBegin(new IdempotencyRecord("project:2", key, "hash", Optional.empty(), NOW,
                NOW.plus(Duration.ofHours(24))), NOW.plus(LEASE));
        StoredResponse answered = new StoredResponse(201, "{\"id\":\"t1\"}", "application/json");

        Outcome whileLive = requestsAt(later(30)).execute("project:2", key, "hash", () -> answered);
        Outcome afterLapse = requestsAt(later(61)).execute("project:2", key, "hash", () -> answered);
        Outcome replayed = requestsAt(later(62)).execute("project:2", key, "hash", () -> {
            throw new AssertionError("a finished request is not run again");
        });

        assertThat(whileLive).isEqualTo(new Outcome.InProgress());
        assertThat(afterLapse).isEqualTo(new Outcome.Fresh(answered));
        assertThat(replayed).isEqualTo(new Outcome.Replayed(answered));
    }

    /** On a clock that stands still, so a retry does not wait for a running first request: it would wait forever. */
    private IdempotentRequests requestsAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new IdempotentRequests(db.idempotency(), KeyVault.ofKey(new byte[32]).cipher(), new LeaseKeeper(clock),
                clock, Duration.ZERO, Duration.ofMillis(1));
    }

    private static Instant later(long seconds) {
        return NOW.plusSeconds(seconds);
    }

    private List<Step> answersUnder(Asked asked) {
        return db.steps().toolCallsUnder(asked.project().id(), asked.trace().id(), List.of(asked.run().id()));
    }

    /** A pending trace of a new project with a run step that asked for tool calls. */
    private Asked asked(String name) {
        Project project = db.projects().insert(name, "", ProjectSettings.empty(), NOW);
        Trace trace = new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING, Map.of(),
                Optional.empty(), Optional.empty(), "api", Optional.empty(), NOW, Optional.empty(), Optional.empty());
        db.traces().insert(trace);
        Step run = new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.RUN, Optional.empty(),
                Optional.empty(), Optional.empty(), "weather?", "", 10.0, StepOutcome.OK, StepSecurity.clean(),
                Map.of("tool_calls", List.of()), NOW);
        db.stepRecorder().record(run);
        return new Asked(project, trace, run);
    }

    private Step answer(Asked asked, String toolCallId) {
        return step(asked, StepType.TOOL_CALL, Map.of("tool_call_id", toolCallId));
    }

    private Step step(Asked asked, StepType type, Map<String, Object> details) {
        return new Step(db.ids().nextStepId(), asked.trace().id(), asked.project().id(), type,
                Optional.of(asked.run().id()), Optional.empty(), Optional.empty(), null, "result", 3.0, StepOutcome.OK,
                StepSecurity.clean(), details, NOW);
    }

    private static TraceSummary summary() {
        return new TraceSummary(0, BigDecimal.ZERO, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(),
                new TraceSummary.Grades(Grade.A, Grade.A, Grade.A), 2, 0, Optional.empty(), 0, Map.of(), Map.of(),
                new TraceSummary.Security(false, false, false, Optional.empty(), Optional.empty()), Optional.empty());
    }

    private record Asked(Project project, Trace trace, Step run) {
    }
}
