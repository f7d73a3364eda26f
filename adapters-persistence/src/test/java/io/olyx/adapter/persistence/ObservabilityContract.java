package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.KeyCaller;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.keys.KeyDirectory;
import io.olyx.application.keys.LastUsedTracker;
import io.olyx.application.port.InsightStore;
import io.olyx.application.project.DeleteProject;
import io.olyx.application.project.SweepDeletedProject;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.application.port.StatsSource;
import io.olyx.application.replay.QueueReplay;
import io.olyx.application.retention.PurgeExpiredData;
import io.olyx.application.stats.SealRollups;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.insight.Insight;
import io.olyx.domain.insight.InsightType;
import io.olyx.domain.insight.ReplayEvidence;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.replay.ComparisonSide;
import io.olyx.domain.replay.ReplayComparison;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.stats.GradedTrace;
import io.olyx.domain.stats.HourlyBucket;
import io.olyx.domain.stats.RollupAccumulator;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stats rollups, stats facts, insights, replays and retention, against H2 and PostgreSQL by the subclasses. */
abstract class ObservabilityContract extends DatabaseContract {
    static final Instant HOUR = Instant.parse("2026-04-12T09:00:00Z");

    Project newProject(String name) {
        return db.projects().insert(name, "", ProjectSettings.empty(), HOUR.minus(Duration.ofDays(30)));
    }

    @Test
    void sealedRollupsReadBackEqualAndTheWatermarkIsACompareAndSet() {
        Project project = newProject("Rollups");
        Trace trace = trace(project, HOUR);
        RollupAccumulator busy = new RollupAccumulator();
        for (int i = 0; i < 50; i++) {
            busy.add(run(project, trace, i, "gpt-4o", 100 + i * 37.5, HOUR.plusSeconds(i)));
        }
        busy.add(new GradedTrace(summary(new BigDecimal("0.002"), Grade.C, 3, 0.81), Optional.of(4.0)));
        busy.addLoopIntervention();
        List<HourlyBucket> buckets = List.of(new HourlyBucket(HOUR, busy.toRollup()),
                new HourlyBucket(HOUR.plus(Duration.ofHours(2)), new RollupAccumulator()
                        .add(run(project, trace, 99, "mini", 0.0, HOUR.plus(Duration.ofHours(2)))).toRollup()));

        assertThat(db.statsRollups().sealedUntil(project.id())).isEmpty();
        assertThat(db.statsRollups().seal(project.id(), Optional.empty(), HOUR.plus(Duration.ofHours(3)), buckets,
                HOUR)).isTrue();
        assertThat(db.statsRollups().sealedUntil(project.id())).contains(HOUR.plus(Duration.ofHours(3)));
        assertThat(db.statsRollups().buckets(project.id(), HOUR, HOUR.plus(Duration.ofHours(3))))
                .containsExactlyElementsOf(buckets);
        assertThat(db.statsRollups().buckets(project.id(), HOUR.plusSeconds(1), HOUR.plus(Duration.ofHours(3))))
                .containsExactly(buckets.get(1));

        assertThat(db.statsRollups().seal(project.id(), Optional.empty(), HOUR.plus(Duration.ofHours(4)),
                buckets, HOUR)).isFalse();
        assertThat(db.statsRollups().seal(project.id(), Optional.of(HOUR), HOUR.plus(Duration.ofHours(4)),
                List.of(), HOUR)).isFalse();
        assertThat(db.statsRollups().sealedUntil(project.id())).contains(HOUR.plus(Duration.ofHours(3)));
    }

    @Test
    void statsFactsSkipPayloadsAndReplayTracesAndCarryRatings() {
        Project project = newProject("Facts");
        Trace graded = trace(project, HOUR);
        db.traces().insert(graded);
        db.stepRecorder().record(run(project, graded, 1, "gpt-4o", 800, HOUR.plusSeconds(5)));
        Step agent = run(project, graded, 2, "gpt-4o", 300, HOUR.plusSeconds(6));
        db.stepRecorder().record(agent);
        Step halted = new Step(db.ids().nextStepId(), graded.id(), project.id(), StepType.RUN, Optional.empty(),
                Optional.empty(), Optional.empty(), "again", null, 0, StepOutcome.BLOCKED, StepSecurity.clean(),
                Map.of("loop_intervention", true, "fingerprint", "ab12"), HOUR.plusSeconds(7));
        db.stepRecorder().record(halted);
        db.stepRecorder().record(log(project, graded, Map.of("user_rating", 2), HOUR.plusSeconds(9)));
        db.traces().updateIfStatus(graded.ended(TraceStatus.COMPLETED, HOUR.plusSeconds(10),
                summary(new BigDecimal("0.01"), Grade.B, 0, 0.1)), TraceStatus.PENDING);
        Trace replay = new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.REPLAY, Map.of(),
                Optional.empty(), Optional.empty(), "api", Optional.of(graded.id()), HOUR, Optional.empty(),
                Optional.empty());
        db.traces().insert(replay);
        db.traces().updateIfStatus(replay.ended(TraceStatus.REPLAY, HOUR.plusSeconds(20),
                summary(BigDecimal.ONE, Grade.A, 0, 0)), TraceStatus.REPLAY);

        List<Step> steps = db.statsSource().steps(project.id(), HOUR, HOUR.plus(Duration.ofHours(1)));
        List<StatsSource.EndedTrace> ended = db.statsSource().endedTraces(project.id(), HOUR,
                HOUR.plus(Duration.ofHours(1)));

        assertThat(steps).hasSize(4).allMatch(s -> s.input() == null && s.output() == null);
        assertThat(steps).filteredOn(s -> s.modelCall().isPresent()).extracting(Step::cost)
                .allSatisfy(cost -> assertThat(cost).isEqualByComparingTo("0.001"));
        assertThat(steps).filteredOn(s -> s.id().equals(agent.id())).singleElement()
                .satisfies(s -> assertThat(s.details()).isEqualTo(agent.details()));
        assertThat(steps).filteredOn(s -> s.id().equals(halted.id())).singleElement()
                .satisfies(s -> assertThat(s.details()).containsEntry("loop_intervention", true));
        assertThat(db.statsSource().steps(project.id(), HOUR.plusSeconds(8), HOUR.plus(Duration.ofHours(1))))
                .hasSize(1);
        assertThat(ended).singleElement().satisfies(e -> {
            assertThat(e.endedAt()).isEqualTo(HOUR.plusSeconds(10));
            assertThat(e.trace().meanUserRating()).contains(2.0);
            assertThat(e.trace().summary().optimizationGrade()).isEqualTo(Grade.B);
        });
    }

    @Test
    void completedTracesAreNewestFirstAndExcludeOpenAndReplayTraces() {
        Project project = newProject("Completed");
        List<Trace> done = List.of(trace(project, HOUR), trace(project, HOUR.plusSeconds(1)),
                trace(project, HOUR.plusSeconds(2)));
        for (int i = 0; i < done.size(); i++) {
            db.traces().insert(done.get(i));
            db.traces().updateIfStatus(done.get(i).ended(TraceStatus.COMPLETED, HOUR.plusSeconds(60 + i),
                    summary(BigDecimal.ONE, Grade.A, 0, 0)), TraceStatus.PENDING);
        }
        db.traces().insert(trace(project, HOUR.plusSeconds(3)));

        List<Trace> read = db.completedTraces().endedBetween(project.id(), HOUR, HOUR.plus(Duration.ofHours(1)), 2);

        assertThat(read).extracting(Trace::id).containsExactly(done.get(2).id(), done.get(1).id());
        assertThat(read).allSatisfy(t -> assertThat(t.summary()).isPresent());
    }

    @Test
    void aRefreshUpdatesInsightsInPlaceKeepsDismissalsAndResolvesWhatNoLongerHolds() {
        Project project = newProject("Insights");
        Project other = newProject("Other insights");
        Insight migration = insight(InsightType.MIGRATION_ALERT, "summarization", "120.00");
        Insight latency = insight(InsightType.LATENCY_ALERT, "code", "0.00");
        db.insights().apply(project.id(), List.of(migration, latency), HOUR);
        long latencyId = db.insights().list(project.id(), Optional.empty()).stream()
                .filter(s -> s.insight().type() == InsightType.LATENCY_ALERT).findFirst().orElseThrow().id();

        assertThat(db.insights().dismiss(other.id(), latencyId, HOUR)).isEmpty();
        assertThat(db.insights().dismiss(project.id(), latencyId, HOUR)).get()
                .extracting(InsightStore.Stored::status).isEqualTo(InsightStore.Status.DISMISSED);
        Insight cheaper = insight(InsightType.MIGRATION_ALERT, "summarization", "240.00");
        db.insights().apply(project.id(), List.of(cheaper, latency), HOUR.plusSeconds(60));
        db.insights().apply(project.id(), List.of(latency), HOUR.plusSeconds(120));

        List<InsightStore.Stored> all = db.insights().list(project.id(), Optional.empty());
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(s -> s.insight().type() == InsightType.MIGRATION_ALERT).singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).isEqualTo(InsightStore.Status.RESOLVED);
                    assertThat(s.insight().estimatedSavingsUsd()).isEqualByComparingTo("240.00");
                    assertThat(s.insight().data()).containsEntry("intent", "summarization");
                });
        assertThat(db.insights().list(project.id(), Optional.of(InsightStore.Status.DISMISSED)))
                .extracting(InsightStore.Stored::id).containsExactly(latencyId);
        assertThat(db.insights().list(other.id(), Optional.empty())).isEmpty();
    }

    @Test
    void replaysRoundTripTheirResultAndStayWithinTheirProject() {
        Project project = newProject("Replays");
        Project other = newProject("Other replays");
        TraceId source = new TraceId(db.ids().timeOrderedUuid());
        ReplayOverrides overrides = new ReplayOverrides(Optional.empty(), List.of("mini", "haiku"), List.of(),
                Optional.of(new BigDecimal("0.005")));
        Replay queued = new Replay("a3f9c1d8e72b0001", project.id(), "ak_0000000000000001", source, overrides,
                "replay:x:1", 42, ReplayStore.Status.QUEUED, Map.of(), Optional.empty(), Optional.empty(), HOUR,
                Optional.empty());
        db.replays().insert(queued);
        TraceId replayTrace = new TraceId(db.ids().timeOrderedUuid());
        db.replays().markRunning(queued.id(), HOUR);
        db.replays().attachTrace(queued.id(), "mini", replayTrace, HOUR);
        ComparisonSide side = new ComparisonSide(new BigDecimal("0.012"), Grade.B, 1240.0, List.of("gpt-4o"),
                new TraceSummary.Grades(Grade.B, Grade.A, Grade.B));
        ReplayComparison multi = new ReplayComparison.Multi(side, List.of(new ReplayComparison.ModelReplay("mini",
                side), new ReplayComparison.ModelReplay("haiku", side)));
        ReplayEvidence evidence = new ReplayEvidence("summarization", "gpt-4o", "mini", Grade.B, Grade.A,
                Optional.of(0.91));
        db.replays().complete(queued.id(), new ReplayStore.Result(multi, Map.of("mini", 1L, "haiku", 0L),
                List.of(evidence)), HOUR.plusSeconds(30));

        Replay read = db.replays().find(project.id(), queued.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ReplayStore.Status.COMPLETED);
        assertThat(read.overrides()).isEqualTo(overrides);
        assertThat(read.replayTraces()).containsEntry("mini", replayTrace);
        assertThat(read.result().orElseThrow().comparison()).isEqualTo(multi);
        assertThat(read.result().orElseThrow().skippedSteps()).containsEntry("mini", 1L);
        assertThat(read.finishedAt()).contains(HOUR.plusSeconds(30));
        assertThat(db.replays().find(other.id(), queued.id())).isEmpty();
        assertThat(db.replays().latest(project.id(), "replay:x:1")).map(Replay::id).contains(queued.id());
        assertThat(db.replays().evidenceSince(project.id(), HOUR)).containsExactly(evidence);
        assertThat(db.replays().evidenceSince(project.id(), HOUR.plusSeconds(31))).isEmpty();

        Replay failed = new Replay("a3f9c1d8e72b0002", project.id(), "ak_0000000000000001", source,
                ReplayOverrides.none(), "replay:x:2", 43, ReplayStore.Status.QUEUED, Map.of(), Optional.empty(),
                Optional.empty(), HOUR, Optional.empty());
        db.replays().insert(failed);
        db.replays().fail(failed.id(), "Source trace not found", HOUR.plusSeconds(40));
        assertThat(db.replays().find(failed.id()).orElseThrow().error()).contains("Source trace not found");
        assertThat(db.replays().purgeFinishedBefore(HOUR.plusSeconds(35))).isEqualTo(1);
        assertThat(db.replays().find(queued.id())).isEmpty();
    }

    /**
     * Identical replays queued at the same moment, each on its own connection as requests on several nodes would
     * be, join one job (seed 001: the same replay still in flight is joined rather than repeated).
     */
    @Test
    void identicalReplaysQueuedAtOnceJoinOneJob() throws Exception {
        Project project = newProject("Replay race");
        Trace source = trace(project, HOUR);
        db.traces().insert(source);
        // a replay needs a source that has ended (seed 002: replay once the work finishes)
        db.traces().updateIfStatus(source.ended(TraceStatus.COMPLETED, HOUR, summary(BigDecimal.ZERO, Grade.A, 0, 0)),
                TraceStatus.PENDING);
        KeyCaller caller = new KeyCaller(new ApiKey(new ApiKeyId("ak_00000000000000b1"), "k", project.id(), "hash",
                "ak_000...00b1", KeyStatus.ACTIVE, Optional.empty(), Optional.empty(), 0, Optional.empty(), HOUR),
                project);
        QueueReplay queue = new QueueReplay(db.traces(), db.models(), db.replays(), db.jobs(), db.unitOfWork(),
                db.ids(), () -> { }, Clock.fixed(HOUR, ZoneOffset.UTC));
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<QueueReplay.Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return queue.queue(caller, source.id(), ReplayOverrides.none());
                }));
            }
            start.countDown();
            Set<String> jobs = new HashSet<>();
            for (Future<QueueReplay.Result> result : results) {
                jobs.add(((QueueReplay.Result.Queued) result.get()).replay().id());
            }
            assertThat(jobs).hasSize(1);
        }
    }

    @Test
    void retentionClearsOldPayloadsPerModelAndDeletesOldTracesWithTheirSteps() {
        Project project = newProject("Retention");
        Trace old = trace(project, HOUR.minus(Duration.ofDays(10)));
        Trace recent = trace(project, HOUR);
        db.traces().insert(old);
        db.traces().insert(recent);
        Step oldGpt = run(project, old, 1, "gpt-4o", 10, HOUR.minus(Duration.ofDays(10)));
        Step oldMini = run(project, old, 2, "mini", 10, HOUR.minus(Duration.ofDays(9)));
        Step fresh = run(project, recent, 3, "gpt-4o", 10, HOUR);
        List.of(oldGpt, oldMini, fresh).forEach(db.stepRecorder()::record);

        assertThat(db.retention().clearPayloads(project.id(), HOUR.minus(Duration.ofDays(5)), Optional.of("mini")))
                .isEqualTo(1);
        assertThat(db.steps().find(project.id(), oldMini.id()).orElseThrow().input()).isNull();
        assertThat(db.steps().find(project.id(), oldGpt.id()).orElseThrow().input()).isEqualTo("prompt 1");
        assertThat(db.retention().clearPayloads(project.id(), HOUR.minus(Duration.ofDays(5)), Optional.empty()))
                .isEqualTo(1);
        assertThat(db.steps().find(project.id(), oldGpt.id()).orElseThrow().output()).isNull();
        assertThat(db.steps().find(project.id(), fresh.id()).orElseThrow().output()).isEqualTo("answer 3");

        assertThat(db.retention().deleteTraces(project.id(), HOUR.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(db.traces().find(project.id(), old.id())).isEmpty();
        assertThat(db.steps().listByTrace(project.id(), old.id())).isEmpty();
        assertThat(db.steps().listByTrace(project.id(), recent.id())).hasSize(1);
    }

    /**
     * A call admitted before its project was deleted records its step afterwards, and steps have no foreign key to
     * refuse it: the deletion queues sweeps, none runs before the first is due, and that one removes the step.
     */
    @Test
    void aStepRecordedAfterItsProjectWasDeletedIsRemovedByTheSweepTheDeletionQueued() {
        Project project = newProject("Deleted mid-call");
        Trace trace = trace(project, HOUR);
        db.traces().insert(trace);
        Clock clock = Clock.fixed(HOUR, ZoneOffset.UTC);
        DeleteProject delete = new DeleteProject(db.projects(), db.unitOfWork(),
                new KeyDirectory(db.apiKeys(), db.projects(), secret -> secret, new LastUsedTracker(db.apiKeys()),
                        clock, Duration.ofMinutes(1)), new Auditor(db.auditLog(), clock), db.jobs(), clock);
        Account admin = new Account(new AccountId(db.ids().timeOrderedUuid()), "Admin", "admin@example.com",
                Role.ADMIN, false, Map.of(), HOUR);
        assertThat(delete.delete(project.id(), admin, RequestOrigin.internal()))
                .isEqualTo(DeleteProject.Result.DELETED);

        Step late = run(project, trace, 1, "gpt-4o", 900, HOUR.minusSeconds(1));
        db.stepRecorder().record(late);
        assertThat(db.steps().find(project.id(), late.id())).as("the orphan the race leaves").isPresent();

        List<String> sweeps = List.of(SweepDeletedProject.KIND);
        assertThat(db.jobs().claim("sweeper", sweeps, 10, HOUR.plus(Duration.ofMinutes(14)), Duration.ofMinutes(5)))
                .as("no sweep while calls may still run").isEmpty();
        List<Job> due = db.jobs().claim("sweeper", sweeps, 10, HOUR.plus(Duration.ofMinutes(15)),
                Duration.ofMinutes(5));
        assertThat(due).hasSize(1);
        SweepDeletedProject sweep = new SweepDeletedProject(db.retention());
        Map<String, Object> swept = sweep.handle(due.get(0));
        db.jobs().succeed(due.get(0).id(), "sweeper", swept, HOUR.plus(Duration.ofMinutes(15)));
        assertThat(swept).containsEntry("steps_deleted", 1L);
        assertThat(db.steps().find(project.id(), late.id())).isEmpty();

        List<Job> later = db.jobs().claim("sweeper", sweeps, 10, HOUR.plus(Duration.ofDays(25)),
                Duration.ofMinutes(5));
        assertThat(later).hasSize(2);
        assertThat(later).allSatisfy(job -> assertThat(sweep.handle(job)).containsEntry("steps_deleted", 0L));
    }

    /** A sweep queued for a project that still exists (a payload gone wrong) deletes none of its steps. */
    @Test
    void aSweepLeavesTheStepsOfAProjectThatExists() {
        Project project = newProject("Alive");
        Trace trace = trace(project, HOUR);
        db.traces().insert(trace);
        Step step = run(project, trace, 1, "gpt-4o", 900, HOUR);
        db.stepRecorder().record(step);

        assertThat(db.retention().deleteStepsOfDeletedProject(project.id())).isZero();
        assertThat(db.steps().find(project.id(), step.id())).isPresent();
    }

    /**
     * A call into a trace that the retention purge deletes meanwhile records its step after the purge. The step
     * started after its trace was created, so once it is older than trace_days a later purge finds it under the
     * cutoff with no trace and removes it, leaving the steps of live traces alone.
     */
    @Test
    void aStepRecordedIntoATraceThePurgeDeletedMeanwhileIsRemovedByALaterPurge() {
        Project project = db.projects().insert("Purged mid-call", "", new ProjectSettings(Map.of("retention",
                Map.of("trace_days", 7))), HOUR.minus(Duration.ofDays(30)));
        Trace old = trace(project, HOUR.minus(Duration.ofDays(8)));
        db.traces().insert(old);
        db.stepRecorder().record(run(project, old, 1, "gpt-4o", 900, HOUR.minus(Duration.ofDays(8))));
        Trace live = trace(project, HOUR);
        db.traces().insert(live);
        Step kept = run(project, live, 2, "gpt-4o", 900, HOUR);
        db.stepRecorder().record(kept);

        assertThat(purgeAt(project, HOUR).traces()).isEqualTo(1);
        Step late = run(project, old, 3, "gpt-4o", 900, HOUR.minusSeconds(1));
        db.stepRecorder().record(late);
        assertThat(db.steps().find(project.id(), late.id())).as("the orphan the race leaves").isPresent();

        assertThat(purgeAt(project, HOUR.plus(Duration.ofDays(1))).orphanSteps()).isZero();
        PurgeExpiredData.Purged weekLater = purgeAt(project, HOUR.plus(Duration.ofDays(7)));

        assertThat(weekLater.orphanSteps()).isEqualTo(1);
        assertThat(db.steps().find(project.id(), late.id())).isEmpty();
        assertThat(db.steps().find(project.id(), kept.id())).isPresent();
        assertThat(weekLater.traces()).isZero();
    }

    private PurgeExpiredData.Purged purgeAt(Project project, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new PurgeExpiredData(db.projects(), db.models(), db.retention(), db.replays(), db.jobs(),
                new SealRollups(db.projects(), db.statsRollups(), db.statsSource(), clock), clock).purge(project);
    }

    Trace trace(Project project, Instant createdAt) {
        return new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING, Map.of(),
                Optional.of(new BigDecimal("0.50")), Optional.empty(), "api", Optional.empty(), createdAt,
                Optional.empty(), Optional.empty());
    }

    Step run(Project project, Trace trace, int n, String model, double latencyMs, Instant at) {
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.RUN, Optional.empty(),
                Optional.of("ak_0000000000000001"), Optional.of(new Step.ModelCall(model, "openai", "public_cloud",
                Optional.of("simple"), new StepUsage(100 + n, 20, 0, false, new BigDecimal("0.001")), List.of())),
                "prompt " + n, "answer " + n, latencyMs, StepOutcome.OK, new StepSecurity(n % 3 == 0, false, false, 0),
                n % 2 == 0 ? Map.of("tools", List.of(Map.of("name", "t"))) : Map.of(), at);
    }

    Step log(Project project, Trace trace, Map<String, Object> output, Instant at) {
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.LOG, Optional.<StepId>empty(),
                Optional.empty(), Optional.empty(), null, output, 0, StepOutcome.OK, StepSecurity.clean(), Map.of(),
                at);
    }

    static TraceSummary summary(BigDecimal cost, Grade grade, int depth, double stall) {
        return new TraceSummary(900, cost, Optional.of(new BigDecimal("0.5")), Optional.of(new BigDecimal("0.49")),
                Optional.of(100.0), Optional.of(200.0), Optional.of(300.0), new TraceSummary.Grades(grade, Grade.A, grade),
                2, depth, Optional.empty(), stall,
                Map.of("gpt-4o", cost), Map.of("public_cloud", cost),
                new TraceSummary.Security(true, false, false, Optional.of(0.9), Optional.empty()), Optional.empty());
    }

    static Insight insight(InsightType type, String intent, String savings) {
        return new Insight(type, intent, Map.of("intent", intent, "current_model", "gpt-4o"), new BigDecimal(savings));
    }
}
