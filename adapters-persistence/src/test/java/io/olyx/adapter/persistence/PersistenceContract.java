package io.olyx.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.ApiKeyRepository.LastUse;
import io.olyx.application.port.AuditLog.AuditQuery;
import io.olyx.application.port.OwnerDeleted;
import io.olyx.application.port.StepRecorder;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.AccountId;
import io.olyx.domain.account.Role;
import io.olyx.domain.account.Session;
import io.olyx.domain.audit.AuditEvent;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.common.Money;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelChanges;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.ProviderAttempt;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same contract, run against H2 and against a real PostgreSQL by the two subclasses. */
abstract class PersistenceContract extends DatabaseContract {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    /** A lease these tests' answers hold: they are never taken over, so it does not matter how long it runs. */
    private static final Instant LIVE = NOW.plus(1, ChronoUnit.DAYS);

    Project newProject(String name) {
        return db.projects().insert(name, "", ProjectSettings.empty(), NOW);
    }

    @Test
    void accountsAreFoundByIdAndByLoginKeyHash() {
        Account account = new Account(new AccountId(db.ids().timeOrderedUuid()), "Ada", "ada@example.com",
                Role.ADMIN, false, Map.of("allowConversationsLogging", true), NOW);
        db.accounts().insert(account, "hash-" + account.id());

        assertThat(db.accounts().findById(account.id())).contains(account);
        assertThat(db.accounts().findByLoginKeyHash("hash-" + account.id())).contains(account);
        assertThat(db.accounts().list(Optional.of("ADA"))).contains(account);
        assertThat(db.accounts().findByLoginKeyHash("nope")).isEmpty();
    }

    @Test
    void sessionsRoundTripAndCanBeDeleted() {
        Account account = new Account(new AccountId(db.ids().timeOrderedUuid()), "S", "", Role.MEMBER, false,
                Map.of(), NOW);
        db.accounts().insert(account, "session-owner-" + account.id());
        Session session = Session.start("token-hash-" + account.id(), account.id(), NOW);
        db.sessions().insert(session);

        assertThat(db.sessions().findByTokenHash(session.tokenHash())).contains(session);
        db.sessions().delete(session.tokenHash());
        assertThat(db.sessions().findByTokenHash(session.tokenHash())).isEmpty();
    }

    @Test
    void everySessionOfAnAccountEndsAtOnce() {
        Account account = new Account(new AccountId(db.ids().timeOrderedUuid()), "S", "", Role.MEMBER, false,
                Map.of(), NOW);
        Account other = new Account(new AccountId(db.ids().timeOrderedUuid()), "T", "", Role.MEMBER, false,
                Map.of(), NOW);
        db.accounts().insert(account, "sessions-of-" + account.id());
        db.accounts().insert(other, "sessions-of-" + other.id());
        Session first = Session.start("first-" + account.id(), account.id(), NOW);
        Session second = Session.start("second-" + account.id(), account.id(), NOW);
        Session others = Session.start("other-" + other.id(), other.id(), NOW);
        List.of(first, second, others).forEach(db.sessions()::insert);

        db.sessions().deleteAll(account.id());

        assertThat(db.sessions().findByTokenHash(first.tokenHash())).isEmpty();
        assertThat(db.sessions().findByTokenHash(second.tokenHash())).isEmpty();
        assertThat(db.sessions().findByTokenHash(others.tokenHash())).contains(others);
    }

    @Test
    void projectSettingsRoundTripAsJson() {
        Project project = newProject("Settings");
        Project updated = project.updated(new io.olyx.domain.project.ProjectChanges(Optional.of("Renamed"),
                Optional.empty(), Optional.empty(),
                Optional.of(Map.of("routing_tiers", Map.of("simple", "gpt-4o-mini"), "custom", List.of(1, 2.5)))),
                NOW.plusSeconds(5));
        db.projects().update(updated);

        Project read = db.projects().findById(project.id()).orElseThrow();
        assertThat(read.name()).isEqualTo("Renamed");
        assertThat(read.settings().tierModel("simple")).contains("gpt-4o-mini");
        assertThat(read.settings().values().get("custom")).isEqualTo(List.of(1, new BigDecimal("2.5")));
    }

    @Test
    void apiKeyStatusChangesAreCompareAndSet() {
        Project project = newProject("Keys");
        ApiKey key = key(project, "ak_00000000000000a1");
        db.apiKeys().insert(key);

        assertThat(db.apiKeys().compareAndSetStatus(key.id(), KeyStatus.ACTIVE, KeyStatus.TRIPPED)).isTrue();
        assertThat(db.apiKeys().compareAndSetStatus(key.id(), KeyStatus.ACTIVE, KeyStatus.TRIPPED)).isFalse();
        assertThat(db.apiKeys().findById(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.TRIPPED);
    }

    @Test
    void lastUsedOnlyMovesForward() {
        Project project = newProject("LastUsed");
        ApiKey key = key(project, "ak_00000000000000b2");
        db.apiKeys().insert(key);

        db.apiKeys().touchLastUsed(List.of(new LastUse(key.id(), NOW.plusSeconds(60))));
        db.apiKeys().touchLastUsed(List.of(new LastUse(key.id(), NOW.plusSeconds(30))));

        assertThat(db.apiKeys().findById(key.id()).orElseThrow().lastUsed()).contains(NOW.plusSeconds(60));
        assertThat(db.apiKeys().list(Optional.of(project.id()))).extracting(ApiKey::id).containsExactly(key.id());
    }

    @Test
    void modelsKeepTheirSealedKeyAndExactPrices() {
        Project project = newProject("Models");
        ModelDefinition model = new ModelDefinition(db.models().nextId(), project.id(), "Llama", "my-llama",
                ProviderKind.OPENAI, Optional.of("https://llm.internal/v1"), Optional.of(new SealedSecret("c1pher")),
                false, new Pricing(new BigDecimal("0.0002"), new BigDecimal("0.0006")), 7, "us-east", "USD",
                Map.of("fallback_identifier", "gpt-4o-mini"), NOW, NOW);
        db.models().insert(model);

        ModelDefinition read = db.models().findByIdentifier(project.id(), "my-llama").orElseThrow();
        assertThat(read.apiKey()).contains(new SealedSecret("c1pher"));
        assertThat(read.pricing().inputPer1k()).isEqualByComparingTo("0.0002");
        assertThat(read.fallbackIdentifier()).contains("gpt-4o-mini");
        assertThat(db.models().delete(project.id(), model.id())).isTrue();
        assertThat(db.models().list(project.id())).isEmpty();
    }

    @Test
    void duplicateModelIdentifiersAreRefusedByTheDatabaseAsAnAnswerNotAnError() {
        Project project = newProject("Dupes");
        assertThat(db.models().insert(model(project, "same"))).isTrue();
        assertThat(db.models().insert(model(project, "same"))).as("same identifier, same project").isFalse();
        ModelDefinition other = model(project, "other");
        assertThat(db.models().insert(other)).isTrue();
        ModelChanges rename = new ModelChanges(Optional.empty(), Optional.of("same"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(db.models().update(other.updated(rename, Instant.now())))
                .as("renamed onto an existing identifier").isFalse();
        assertThat(db.models().insert(model(newProject("Elsewhere"), "same"))).as("another project").isTrue();
    }

    @Test
    void tracesAreInvisibleToOtherProjects() {
        Project mine = newProject("Mine");
        Project theirs = newProject("Theirs");
        Trace trace = trace(mine, NOW);
        db.traces().insert(trace);

        assertThat(db.traces().find(mine.id(), trace.id())).contains(trace);
        assertThat(db.traces().find(theirs.id(), trace.id())).isEmpty();
    }

    @Test
    void tracesListNewestFirstWithPagesAndStatusFilter() {
        Project project = newProject("Paging");
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Trace t = trace(project, NOW.plusSeconds(i));
            db.traces().insert(t);
            traces.add(t);
        }
        var page = db.traces().list(project.id(), Optional.empty(), new PageRequest(1, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(Trace::id).containsExactly(traces.get(4).id(), traces.get(3).id());
        var last = db.traces().list(project.id(), Optional.of(TraceStatus.PENDING), new PageRequest(3, 2));
        assertThat(last.items()).extracting(Trace::id).containsExactly(traces.get(0).id());
        assertThat(db.traces().list(project.id(), Optional.of(TraceStatus.COMPLETED), PageRequest.first()).total())
                .isZero();
    }

    @Test
    void completingATraceIsACompareAndSetThatStoresTheSummary() {
        Project project = newProject("Complete");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        TraceSummary summary = summary();
        Trace done = trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(2), summary);

        assertThat(db.traces().updateIfStatus(done, TraceStatus.PENDING)).isTrue();
        assertThat(db.traces().updateIfStatus(done, TraceStatus.PENDING)).isFalse();
        Trace read = db.traces().find(project.id(), trace.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(TraceStatus.COMPLETED);
        assertThat(read.summary()).contains(summary);
    }

    @Test
    void aStepTellsWhetherItsTraceHadEndedWhenItWasCommitted() {
        Project project = newProject("Landing");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);

        assertThat(db.stepRecorder().record(runStep(project, trace, 1))).isEqualTo(StepRecorder.Landing.OPEN_TRACE);
        db.traces().updateIfStatus(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(1)),
                TraceStatus.PENDING);
        assertThat(db.stepRecorder().record(runStep(project, trace, 2))).isEqualTo(StepRecorder.Landing.ENDED_TRACE);
    }

    @Test
    void aRevisedSummaryIsStoredOnlyWhenItCoversMoreStepsThanTheStoredOne() {
        Project project = newProject("Revise");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Trace ended = trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(2));
        db.traces().updateIfStatus(ended, TraceStatus.PENDING);

        assertThat(db.traces().reviseSummary(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(2))))
                .as("as many steps: nothing new").isFalse();
        assertThat(db.traces().reviseSummary(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(4))))
                .isTrue();
        assertThat(db.traces().reviseSummary(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(3))))
                .as("a revision read before the last one lost").isFalse();
        assertThat(db.traces().find(project.id(), trace.id()).orElseThrow().summary()).contains(summary(4));
    }

    @Test
    void stepsRecordedConcurrentlyAreAllDurableWithEveryField() throws Exception {
        Project project = newProject("Steps");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Step>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                Step step = runStep(project, trace, n);
                db.stepRecorder().record(step);
                return step;
            }));
        }
        Set<Step> written = new HashSet<>();
        for (Future<Step> f : futures) {
            written.add(f.get());
        }
        pool.shutdown();

        List<Step> read = db.steps().listByTrace(project.id(), trace.id());
        assertThat(read).hasSize(200);
        assertThat(new HashSet<>(read)).isEqualTo(written);
    }

    @Test
    void eachStepIsReadableOnceItsRecordReturns() throws Exception {
        Project project = newProject("Read your step");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(pool.submit(() -> {
                Trace trace = trace(project, NOW);
                db.traces().insert(trace);
                for (int n = 0; n < 25; n++) {
                    Step step = runStep(project, trace, n);
                    db.stepRecorder().record(step);
                    assertThat(db.steps().find(project.id(), step.id())).contains(step);
                }
                return db.steps().listByTrace(project.id(), trace.id()).size();
            }));
        }
        for (Future<Integer> caller : callers) {
            assertThat(caller.get()).isEqualTo(25);
        }
        pool.shutdown();
    }

    @Test
    void aStepThatCannotBeWrittenFailsOnlyItsOwnCaller() throws Exception {
        Project project = newProject("One bad step");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Step first = runStep(project, trace, 0);
        db.stepRecorder().record(first);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Step>> fresh = new ArrayList<>();
        List<Future<Step>> repeated = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            Step step = n % 6 == 0 ? first : runStep(project, trace, n);
            (step == first ? repeated : fresh).add(pool.submit(() -> {
                db.stepRecorder().record(step);
                return step;
            }));
        }
        Set<Step> written = new HashSet<>(Set.of(first));
        for (Future<Step> f : fresh) {
            written.add(f.get());
        }
        for (Future<Step> f : repeated) {
            assertThatThrownBy(f::get).hasCauseInstanceOf(IllegalStateException.class);
        }
        pool.shutdown();

        assertThat(new HashSet<>(db.steps().listByTrace(project.id(), trace.id()))).isEqualTo(written);
    }

    @Test
    void closingWaitsForTheStepsInFlightAndKeepsEveryAcknowledgedOne() throws Exception {
        Project project = newProject("Closing");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Database closing = Database.open(settings());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Step>> callers = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            Step step = runStep(project, trace, n);
            callers.add(pool.submit(() -> {
                closing.stepRecorder().record(step);
                return step;
            }));
        }
        closing.close();

        Set<Step> acknowledged = new HashSet<>();
        for (Future<Step> caller : callers) {
            try {
                acknowledged.add(caller.get(30, TimeUnit.SECONDS));
            } catch (ExecutionException refused) {
                assertThat(refused.getCause()).isInstanceOf(IllegalStateException.class);
            }
        }
        pool.shutdown();
        assertThat(new HashSet<>(db.steps().listByTrace(project.id(), trace.id()))).isEqualTo(acknowledged);
        assertThatThrownBy(() -> closing.stepRecorder().record(runStep(project, trace, 300)))
                .hasMessageContaining("shut down");
    }

    @Test
    void aTraceRecordedWithItsStepIsWrittenWithItOrNotAtAll() {
        Project project = newProject("Opened traces");
        Trace opened = trace(project, NOW);
        Step step = runStep(project, opened, 1);
        Trace done = opened.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary());
        db.stepRecorder().recordWithTrace(done, step);

        Trace read = db.traces().find(project.id(), opened.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(TraceStatus.COMPLETED);
        assertThat(read.endedAt()).contains(NOW.plusSeconds(1));
        assertThat(read.summary()).contains(summary());
        assertThat(read.metadata()).isEqualTo(opened.metadata());
        assertThat(db.steps().listByTrace(project.id(), opened.id())).containsExactly(step);

        Trace other = trace(project, NOW);
        Step sameId = new Step(step.id(), other.id(), project.id(), StepType.RUN, Optional.empty(), Optional.empty(),
                Optional.empty(), "again", "again", 1.0, StepOutcome.OK, StepSecurity.clean(), Map.of(), NOW);
        assertThatThrownBy(() -> db.stepRecorder().recordWithTrace(other.ended(TraceStatus.COMPLETED, NOW,
                summary()), sameId)).isInstanceOf(IllegalStateException.class);
        assertThat(db.traces().find(project.id(), other.id())).as("a trace whose step failed is not kept").isEmpty();
    }

    @Test
    void tracesRecordedWithTheirStepsInParallelAreAllDurable() throws Exception {
        Project project = newProject("Parallel opened traces");
        Trace shared = trace(project, NOW);
        db.traces().insert(shared);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Trace>> opened = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            int i = n;
            opened.add(pool.submit(() -> {
                if (i % 2 == 0) {
                    db.stepRecorder().record(runStep(project, shared, i));
                    return null;
                }
                Trace own = trace(project, NOW);
                db.stepRecorder().recordWithTrace(own.ended(TraceStatus.COMPLETED, NOW, summary()),
                        runStep(project, own, i));
                return own;
            }));
        }
        for (Future<Trace> f : opened) {
            Trace own = f.get();
            if (own != null) {
                assertThat(db.traces().find(project.id(), own.id()).orElseThrow().status())
                        .isEqualTo(TraceStatus.COMPLETED);
                assertThat(db.steps().listByTrace(project.id(), own.id())).hasSize(1);
            }
        }
        pool.shutdown();
        assertThat(db.steps().listByTrace(project.id(), shared.id())).hasSize(100);
    }

    @Test
    void toolCallsAreReadByTheStepsTheyWereRecordedUnder() {
        Project project = newProject("Tool rounds");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Step first = runStep(project, trace, 1);
        Step second = runStep(project, trace, 2);
        Step third = runStep(project, trace, 3);
        Step firstA = toolStep(project, trace, first, 4);
        Step secondA = toolStep(project, trace, second, 5);
        Step firstB = toolStep(project, trace, first, 6);
        Step thirdA = toolStep(project, trace, third, 7);
        Step runUnderFirst = new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.RUN,
                Optional.of(first.id()), Optional.empty(), Optional.empty(), "next", "round", 1.0, StepOutcome.OK,
                StepSecurity.clean(), Map.of(), NOW);
        for (Step step : List.of(first, second, third, firstA, secondA, firstB, thirdA, runUnderFirst)) {
            db.stepRecorder().record(step);
        }

        assertThat(db.steps().toolCallsUnder(project.id(), trace.id(), List.of(second.id(), first.id())))
                .containsExactly(firstA, secondA, firstB);
        assertThat(db.steps().toolCallsUnder(project.id(), trace.id(), List.of())).isEmpty();
        assertThat(db.steps().toolCallsUnder(newProject("Other").id(), trace.id(), List.of(first.id()))).isEmpty();
    }

    @Test
    void aToolCallTakesOneAnswerAndAnswersAreRecordedTogetherOrNotAtAll() {
        Project project = newProject("Answers");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Step asked = runStep(project, trace, 1);
        Step askedAgain = runStep(project, trace, 2);
        Step ranTools = runStep(project, trace, 3);
        List.of(asked, askedAgain, ranTools).forEach(db.stepRecorder()::record);
        Step london = answer(project, trace, asked, "call_london");
        Step sameCallOfAnotherStep = answer(project, trace, askedAgain, "call_london");

        assertThat(db.stepRecorder().recordAnswers(List.of(london), LIVE)).contains(StepRecorder.Landing.OPEN_TRACE);
        assertThat(db.stepRecorder().recordAnswers(List.of(answer(project, trace, asked, "call_paris"),
                answer(project, trace, asked, "call_london")), LIVE)).as("one of the calls has its answer").isEmpty();
        assertThat(db.stepRecorder().recordAnswers(List.of(sameCallOfAnotherStep), LIVE)).isPresent();
        Step ranOnce = answer(project, trace, ranTools, "call_dup");
        Step ranTwice = answer(project, trace, ranTools, "call_dup");
        db.stepRecorder().record(ranOnce);
        db.stepRecorder().record(ranTwice);

        assertThat(db.steps().toolCallsUnder(project.id(), trace.id(), List.of(asked.id(), askedAgain.id(),
                ranTools.id()))).as("no call_paris: refused answers are refused together; tools Olyx ran itself"
                + " are results, not answers").containsExactly(london, sameCallOfAnotherStep, ranOnce, ranTwice);
        db.traces().updateIfStatus(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(5)),
                TraceStatus.PENDING);
        assertThat(db.stepRecorder().recordAnswers(List.of(answer(project, trace, asked, "call_paris")), LIVE))
                .contains(StepRecorder.Landing.ENDED_TRACE);
    }

    @Test
    void withdrawnAnswersLeaveTheirCallsOpenWhileTheTraceIsPending() {
        Project project = newProject("Withdrawn answers");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Step asked = runStep(project, trace, 1);
        db.stepRecorder().record(asked);
        List<Step> first = List.of(answer(project, trace, asked, "call_london"),
                answer(project, trace, asked, "call_paris"));
        db.stepRecorder().recordAnswers(first, LIVE);

        boolean withdrawn = db.stepRecorder().withdrawAnswers(first);
        boolean byAnotherProject = db.stepRecorder().withdrawAnswers(List.of(answer(newProject("Not theirs"),
                trace, asked, "call_london")));
        List<Step> again = List.of(answer(project, trace, asked, "call_london"));
        Optional<StepRecorder.Landing> retried = db.stepRecorder().recordAnswers(again, LIVE);
        db.traces().updateIfStatus(trace.ended(TraceStatus.COMPLETED, NOW.plusSeconds(1), summary(2)),
                TraceStatus.PENDING);

        assertThat(withdrawn).isTrue();
        assertThat(byAnotherProject).isFalse();
        assertThat(retried).contains(StepRecorder.Landing.OPEN_TRACE);
        assertThat(db.stepRecorder().withdrawAnswers(again)).as("an ended trace keeps what its summary counts")
                .isFalse();
        assertThat(db.steps().listByTrace(project.id(), trace.id())).containsExactly(asked, again.get(0));
    }

    /** Two nodes are two writers, so the answers race in the database itself, among other steps' writes. */
    @Test
    void answersToOneToolCallRacingOnTwoNodesAreTakenOnce() throws Exception {
        Project project = newProject("Racing answers");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        Step asked = runStep(project, trace, 1);
        db.stepRecorder().record(asked);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<StepRecorder.Landing>>> answers = new ArrayList<>();
        List<Future<Step>> neighbours = new ArrayList<>();
        try (Database otherNode = Database.open(settings())) {
            for (int i = 0; i < 40; i++) {
                Database node = i % 2 == 0 ? db : otherNode;
                Step answer = answer(project, trace, asked, "call_weather");
                Step neighbour = runStep(project, trace, 10 + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return node.stepRecorder().recordAnswers(List.of(answer), LIVE);
                }));
                neighbours.add(pool.submit(() -> {
                    start.await();
                    node.stepRecorder().record(neighbour);
                    return neighbour;
                }));
            }
            start.countDown();
            int taken = 0;
            for (Future<Optional<StepRecorder.Landing>> answer : answers) {
                taken += answer.get().isPresent() ? 1 : 0;
            }
            for (Future<Step> neighbour : neighbours) {
                assertThat(db.steps().find(project.id(), neighbour.get().id())).isPresent();
            }
            assertThat(taken).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(db.steps().toolCallsUnder(project.id(), trace.id(), List.of(asked.id()))).hasSize(1);
        assertThat(db.steps().listByTrace(project.id(), trace.id())).hasSize(1 + 1 + 40);
    }

    /** A PATCH reads, merges and writes in one unit of work; the lock makes concurrent ones, on two nodes, queue. */
    @Test
    void concurrentMergesIntoAProjectsSettingsOnTwoNodesAllStay() throws Exception {
        Project project = newProject("Merged settings");
        onTwoNodesAtOnce(20, (node, i) -> node.unitOfWork().run(() -> {
            Project current = node.projects().findForUpdate(project.id()).orElseThrow();
            node.projects().update(current.updated(new io.olyx.domain.project.ProjectChanges(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(Map.of("custom_" + i, i))), NOW));
        }));
        assertThat(db.projects().findById(project.id()).orElseThrow().settings().values()).hasSize(20);
    }

    @Test
    void concurrentMergesIntoAModelsAdditionalConfigOnTwoNodesAllStay() throws Exception {
        Project project = newProject("Merged model");
        ModelDefinition model = model(project, "merged");
        db.models().insert(model);
        onTwoNodesAtOnce(20, (node, i) -> node.unitOfWork().run(() -> {
            ModelDefinition current = node.models().findForUpdate(project.id(), model.id()).orElseThrow();
            node.models().update(current.updated(new ModelChanges(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Map.of("custom_" + i, i))), NOW));
        }));
        assertThat(db.models().findById(project.id(), model.id()).orElseThrow().additionalConfig()).hasSize(20);
    }

    @Test
    void aKeyRevokedWhileOthersRenameItStaysRevoked() throws Exception {
        Project project = newProject("Revoked while renamed");
        ApiKey key = key(project, "ak_00000000000000d4");
        db.apiKeys().insert(key);
        onTwoNodesAtOnce(20, (node, i) -> node.unitOfWork().run(() -> {
            ApiKey current = node.apiKeys().findForUpdate(key.id()).orElseThrow();
            node.apiKeys().update(current.updated(i == 7
                    ? new io.olyx.domain.keys.KeyChanges(Optional.empty(), Optional.of(KeyStatus.REVOKED),
                            Optional.empty(), Optional.empty())
                    : new io.olyx.domain.keys.KeyChanges(Optional.of("k" + i), Optional.empty(), Optional.empty(),
                            Optional.empty())));
        }));
        assertThat(db.apiKeys().findById(key.id()).orElseThrow().status()).isEqualTo(KeyStatus.REVOKED);
    }

    /** Each change appends to the name it read: a change written over another's read loses that one's letter. */
    @Test
    void concurrentChangesOfAnAccountOnTwoNodesAllStay() throws Exception {
        Account account = new Account(new AccountId(db.ids().timeOrderedUuid()), "A", "", Role.MEMBER, false,
                Map.of(), NOW);
        db.accounts().insert(account, "changed-at-once-" + account.id());
        onTwoNodesAtOnce(20, (node, i) -> node.unitOfWork().run(() -> {
            Account current = node.accounts().findForUpdate(account.id()).orElseThrow();
            node.accounts().update(current.withParameters(current.name() + "a", current.parameters()));
        }));
        assertThat(db.accounts().findById(account.id()).orElseThrow().name()).isEqualTo("A" + "a".repeat(20));
    }

    /** Runs {@code task} {@code n} times at once, alternating between this node and a second one. */
    void onTwoNodesAtOnce(int n, NodeTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try (Database otherNode = Database.open(settings())) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Database node = i % 2 == 0 ? db : otherNode;
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    task.run(node, index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
    }

    interface NodeTask {
        void run(Database node, int index);
    }

    @Test
    void writesForAProjectDeletedMeanwhileAreRefusedAsItsAbsence() {
        Project project = newProject("Deleted meanwhile");
        db.projects().deleteWithData(project.id());

        assertThatThrownBy(() -> db.unitOfWork().run(() -> db.models().insert(model(project, "late"))))
                .isInstanceOfSatisfying(OwnerDeleted.class, e -> assertThat(e.owner()).isEqualTo("Project"));
        assertThatThrownBy(() -> db.apiKeys().insert(key(project, "ak_00000000000000e5")))
                .isInstanceOf(OwnerDeleted.class);
        Trace opened = trace(project, NOW);
        assertThatThrownBy(() -> db.stepRecorder().recordWithTrace(opened, runStep(project, opened, 2)))
                .isInstanceOfSatisfying(OwnerDeleted.class, e -> assertThat(e.owner()).isEqualTo("Project"));
    }

    @Test
    void stepIdsAreUniqueAcrossTwoNodesSharingTheDatabase() {
        try (Database other = Database.open(settings())) {
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < 120; i++) {
                assertThat(ids.add(db.ids().nextStepId().value())).isTrue();
                assertThat(ids.add(other.ids().nextStepId().value())).isTrue();
            }
        }
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        assertThatThrownBy(() -> db.unitOfWork().run(() -> {
            db.projects().insert("Doomed", "", ProjectSettings.empty(), NOW);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(db.projects().list()).extracting(Project::name).doesNotContain("Doomed");
    }

    @Test
    void deletingAProjectRemovesItsKeysModelsTracesAndSteps() {
        Project project = newProject("Doomed project");
        db.apiKeys().insert(key(project, "ak_00000000000000c3"));
        db.models().insert(model(project, "m"));
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        db.stepRecorder().record(runStep(project, trace, 1));

        db.unitOfWork().run(() -> db.projects().deleteWithData(project.id()));

        assertThat(db.projects().findById(project.id())).isEmpty();
        assertThat(db.apiKeys().findById(new ApiKeyId("ak_00000000000000c3"))).isEmpty();
        assertThat(db.models().list(project.id())).isEmpty();
        assertThat(db.traces().find(project.id(), trace.id())).isEmpty();
        assertThat(db.steps().listByTrace(project.id(), trace.id())).isEmpty();
    }

    /**
     * The dearest call Olyx can price (the highest price, every token count at its maximum) and the cheapest one
     * (the smallest price, one token) are stored and summed exactly: a step is never lost to its cost.
     */
    @Test
    void costsAtBothEndsOfWhatCanBePricedAreStoredAndSummedExactly() {
        Project project = newProject("Extreme costs");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        BigDecimal highest = new BigDecimal("999999999999.999999999999");
        BigDecimal dearest = new Pricing(highest, highest).cost(Integer.MAX_VALUE, Integer.MAX_VALUE);
        BigDecimal cheapest = new Pricing(new BigDecimal("0.000000000001"), BigDecimal.ZERO).cost(1, 0);
        assertThat(dearest.precision() - dearest.scale()).as("whole digits").isGreaterThan(Money.WHOLE_DIGITS);
        assertThat(cheapest).isEqualByComparingTo("0.000000000000001");
        Step dear = runStep(project, trace, 1, dearest);
        Step cheap = runStep(project, trace, 2, cheapest);

        db.stepRecorder().record(dear);
        db.stepRecorder().record(cheap);

        assertThat(db.steps().listByTrace(project.id(), trace.id())).containsExactly(dear, cheap);
        assertThat(db.projects().spendSince(NOW.minusSeconds(1)).get(project.id()))
                .isEqualByComparingTo(dearest.add(cheapest));
        ApiKey key = key(project, "ak_00000000000000e1");
        db.apiKeys().insert(key);
        long hold = db.spendLedger().reserve(key.id(), new BigDecimal("10.00"), cheapest, NOW).orElseThrow();
        db.spendLedger().settle(hold, key.id(), dearest, NOW);
        assertThat(db.spendLedger().spentLastHour(key.id(), NOW.plusSeconds(60))).isEqualByComparingTo(dearest);
        Instant nextHour = NOW.plusSeconds(3600);
        long second = db.spendLedger().reserve(key.id(), highest, cheapest, nextHour).orElseThrow();
        db.spendLedger().settle(second, key.id(), cheapest, nextHour);
        assertThat(db.spendLedger().spentLastHour(key.id(), nextHour)).isEqualByComparingTo(cheapest);
    }

    @Test
    void monthlySpendSumsRunStepCostsPerProject() {
        Project project = newProject("Spend");
        Trace trace = trace(project, NOW);
        db.traces().insert(trace);
        db.stepRecorder().record(runStep(project, trace, 1));
        db.stepRecorder().record(runStep(project, trace, 2));

        assertThat(db.projects().spendSince(NOW.minusSeconds(1)).get(project.id())).isEqualByComparingTo("0.0006");
        assertThat(db.projects().spendSince(NOW.plusSeconds(3600)).get(project.id())).isNull();
    }

    @Test
    void auditEventsListNewestFirstAndFilter() {
        db.auditLog().append(new AuditEvent(0, "login_failed", Optional.empty(), Optional.empty(), "10.0.0.1", "ua",
                Map.of(), NOW));
        db.auditLog().append(new AuditEvent(0, "login_success", Optional.of("acct"), Optional.empty(), "10.0.0.1",
                "ua", Map.of("k", "v"), NOW.plusSeconds(1)));

        List<AuditEvent> all = db.auditLog().list(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                50));
        assertThat(all.get(0).id()).isGreaterThan(all.get(1).id());
        List<AuditEvent> failed = db.auditLog().list(new AuditQuery(Optional.of("login_failed"), Optional.empty(),
                Optional.empty(), 50));
        assertThat(failed).isNotEmpty().allMatch(e -> e.event().equals("login_failed"));
    }

    private ApiKey key(Project project, String id) {
        return new ApiKey(new ApiKeyId(id), "k", project.id(), "secret-hash", "ak_000...0000", KeyStatus.ACTIVE,
                Optional.of(new BigDecimal("10.00")), Optional.empty(), 0, Optional.empty(), NOW);
    }

    private ModelDefinition model(Project project, String identifier) {
        return new ModelDefinition(db.models().nextId(), project.id(), null, identifier, ProviderKind.SANDBOX,
                Optional.empty(), Optional.empty(), true, Pricing.free(), 30, null, null, Map.of(), NOW, NOW);
    }

    private static TraceSummary summary() {
        return summary(2);
    }

    private static TraceSummary summary(int steps) {
        return new TraceSummary(1240.5, new BigDecimal("0.00318"), Optional.of(new BigDecimal("0.5")),
                Optional.of(new BigDecimal("0.49682")), Optional.of(870.0), Optional.of(1200.0),
                Optional.of(1238.0),
                new TraceSummary.Grades(Grade.B, Grade.A, Grade.B), steps, 0, Optional.empty(), 0.02,
                Map.of("gpt-4o", new BigDecimal("0.00318")), Map.of("public_cloud", new BigDecimal("0.00318")),
                new TraceSummary.Security(false, false, false, Optional.of(0.98), Optional.empty()),
                Optional.of(new TraceSummary.RoutingDecision("simple", "gpt-4o")));
    }

    private Trace trace(Project project, Instant createdAt) {
        return new Trace(new TraceId(db.ids().timeOrderedUuid()), project.id(), TraceStatus.PENDING,
                Map.of("user_id", "u1"), Optional.of(new BigDecimal("0.50")), Optional.empty(), "api",
                Optional.empty(), createdAt, Optional.empty(), Optional.empty());
    }

    private Step toolStep(Project project, Trace trace, Step run, int n) {
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.TOOL_CALL, Optional.of(run.id()),
                Optional.empty(), Optional.empty(), Map.of("city", "c" + n), "result " + n, 3.0, StepOutcome.OK,
                StepSecurity.clean(), Map.of("tool_call_id", "call_" + n), NOW.plus(n, ChronoUnit.MILLIS));
    }

    private Step answer(Project project, Trace trace, Step asked, String toolCallId) {
        return new Step(db.ids().nextStepId(), trace.id(), project.id(), StepType.TOOL_CALL, Optional.of(asked.id()),
                Optional.empty(), Optional.empty(), Map.of("call", toolCallId), "result of " + toolCallId, 3.0,
                StepOutcome.OK, StepSecurity.clean(), Map.of("tool_call_id", toolCallId), NOW);
    }

    private Step runStep(Project project, Trace trace, int n) {
        return runStep(project, trace, n, new BigDecimal("0.0003"));
    }

    private Step runStep(Project project, Trace trace, int n, BigDecimal cost) {
        StepId id = db.ids().nextStepId();
        return new Step(id, trace.id(), project.id(), StepType.RUN, Optional.empty(), Optional.of("ak_0000000000000001"),
                Optional.of(new Step.ModelCall("gpt-4o", "openai", "public_cloud", Optional.of("simple"),
                        new StepUsage(10 + n, 5, 0, false, cost),
                        List.of(new ProviderAttempt("gpt-4o", "openai", true, Optional.of(200), Optional.empty(),
                                12.5)))),
                "input " + n, "output " + n, 12.5, StepOutcome.OK, new StepSecurity(n % 2 == 0, false, false, 0.1),
                Map.of("tool_calls", List.of()), NOW.plus(n, ChronoUnit.MILLIS));
    }
}
