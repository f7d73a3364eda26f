package io.olyx.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.model.Pricing;
import io.olyx.domain.trace.Grade;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InsightRulesTest {
    static final Pricing GPT4O = new Pricing(new BigDecimal("0.0025"), new BigDecimal("0.01"));
    static final Pricing MINI = new Pricing(new BigDecimal("0.00015"), new BigDecimal("0.0006"));
    static final Pricing HAIKU = new Pricing(new BigDecimal("0.0008"), new BigDecimal("0.004"));
    static final Map<String, Pricing> CATALOGUE = Map.of("gpt-4o", GPT4O, "gpt-4o-mini", MINI, "claude-haiku", HAIKU);
    static final Duration WEEK = Duration.ofDays(7);

    static List<TraceObservation> traces(int n, String intent, String model, Grade grade, double latencyMs,
                                         Optional<Double> rating) {
        Pricing pricing = CATALOGUE.get(model);
        List<TraceObservation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new TraceObservation(intent, model, pricing.cost(1000, 200), 1000, 200, latencyMs, grade, rating));
        }
        return out;
    }

    static List<ReplayEvidence> replays(int n, String intent, String to, Grade sourceGrade, Grade replayGrade) {
        List<ReplayEvidence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReplayEvidence(intent, "gpt-4o", to, sourceGrade, replayGrade, Optional.empty()));
        }
        return out;
    }

    static InsightInput input(List<TraceObservation> observations, List<ReplayEvidence> replays, Set<String> routed) {
        return new InsightInput(observations, replays, CATALOGUE, routed, WEEK, 10_000);
    }

    static List<Insight> ofType(List<Insight> insights, InsightType type) {
        return insights.stream().filter(i -> i.type() == type).toList();
    }

    @Test
    void suggestsTheCheapestModelWhoseGradesHoldForTheIntent() {
        List<TraceObservation> obs = new ArrayList<>(traces(20, "summarization", "gpt-4o", Grade.B, 900,
                Optional.empty()));
        obs.addAll(traces(12, "summarization", "gpt-4o-mini", Grade.A, 700, Optional.empty()));
        obs.addAll(traces(12, "summarization", "claude-haiku", Grade.A, 700, Optional.empty()));

        List<Insight> migrations = ofType(InsightRules.derive(input(obs, List.of(), Set.of("summarization"))),
                InsightType.MIGRATION_ALERT);

        assertThat(migrations).hasSize(1);
        Insight insight = migrations.get(0);
        assertThat(insight.data()).containsEntry("intent", "summarization").containsEntry("current_model", "gpt-4o")
                .containsEntry("suggested_model", "gpt-4o-mini").containsEntry("savings_pct", 94.0)
                .containsEntry("evidence", "grades").containsEntry("trace_count", 20);
        // 20 traces × (0.0045 − 0.00027) saved in 7 days, projected to 30 days
        assertThat(insight.estimatedSavingsUsd()).isEqualByComparingTo("0.36");
        assertThat(insight.dedupKey()).isEqualTo("migration_alert:summarization");
    }

    @Test
    void aCheaperModelWithWorseGradesOrRatingsIsNotSuggested() {
        List<TraceObservation> worseGrades = new ArrayList<>(traces(20, "code", "gpt-4o", Grade.A, 900,
                Optional.empty()));
        worseGrades.addAll(traces(12, "code", "gpt-4o-mini", Grade.C, 700, Optional.empty()));
        List<TraceObservation> worseRatings = new ArrayList<>(traces(20, "code", "gpt-4o", Grade.A, 900,
                Optional.of(4.6)));
        worseRatings.addAll(traces(12, "code", "gpt-4o-mini", Grade.A, 700, Optional.of(3.9)));

        assertThat(ofType(InsightRules.derive(input(worseGrades, List.of(), Set.of())), InsightType.MIGRATION_ALERT))
                .isEmpty();
        assertThat(ofType(InsightRules.derive(input(worseRatings, List.of(), Set.of())), InsightType.MIGRATION_ALERT))
                .isEmpty();
    }

    @Test
    void replaysThatHoldQualityAreEvidenceEnough() {
        List<TraceObservation> obs = traces(15, "translation", "gpt-4o", Grade.B, 900, Optional.empty());
        List<ReplayEvidence> held = replays(4, "translation", "claude-haiku", Grade.B, Grade.A);
        List<ReplayEvidence> mixed = new ArrayList<>(replays(2, "translation", "claude-haiku", Grade.B, Grade.A));
        mixed.addAll(replays(1, "translation", "claude-haiku", Grade.B, Grade.D));

        List<Insight> fromHeld = ofType(InsightRules.derive(input(obs, held, Set.of())), InsightType.MIGRATION_ALERT);
        List<Insight> fromMixed = ofType(InsightRules.derive(input(obs, mixed, Set.of())), InsightType.MIGRATION_ALERT);

        assertThat(fromHeld).singleElement().satisfies(i -> assertThat(i.data())
                .containsEntry("suggested_model", "claude-haiku").containsEntry("evidence", "replays")
                .containsEntry("replay_count", 4));
        assertThat(fromMixed).isEmpty();
    }

    @Test
    void replaysWhoseOutputDivergedDoNotHoldQuality() {
        ReplayEvidence diverged = new ReplayEvidence("t", "gpt-4o", "gpt-4o-mini", Grade.B, Grade.A,
                Optional.of(0.4));

        assertThat(diverged.heldQuality()).isFalse();
    }

    @Test
    void tooLittleTrafficSaysNothing() {
        List<TraceObservation> obs = new ArrayList<>(traces(9, "summarization", "gpt-4o", Grade.B, 900,
                Optional.empty()));
        obs.addAll(traces(12, "summarization", "gpt-4o-mini", Grade.A, 700, Optional.empty()));

        assertThat(InsightRules.derive(input(obs, List.of(), Set.of("summarization")))).isEmpty();
    }

    @Test
    void flagsAnIntentWhoseP99ExceedsTheThreshold() {
        List<TraceObservation> obs = new ArrayList<>(traces(9, "extraction", "gpt-4o", Grade.A, 800,
                Optional.empty()));
        obs.addAll(traces(1, "extraction", "gpt-4o", Grade.A, 30_000, Optional.empty()));
        obs.addAll(traces(10, "code", "gpt-4o", Grade.A, 9_000, Optional.empty()));

        List<Insight> alerts = ofType(InsightRules.derive(input(obs, List.of(), Set.of())),
                InsightType.LATENCY_ALERT);

        assertThat(alerts).singleElement().satisfies(i -> {
            assertThat(i.intent()).isEqualTo("extraction");
            assertThat(i.data()).containsEntry("p99_ms", 27_372.0).containsEntry("threshold_ms", 10_000.0);
            assertThat(i.estimatedSavingsUsd()).isEqualByComparingTo("0");
        });
    }

    @Test
    void flagsADominantIntentWithoutARoutingRule() {
        List<TraceObservation> obs = new ArrayList<>(traces(25, "translation", "gpt-4o", Grade.A, 500,
                Optional.empty()));
        obs.addAll(traces(5, "code", "gpt-4o", Grade.A, 500, Optional.empty()));
        obs.addAll(traces(30, "general", "gpt-4o", Grade.A, 500, Optional.empty()));

        List<Insight> unrouted = ofType(InsightRules.derive(input(obs, List.of(), Set.of())),
                InsightType.INTENT_PATTERN);
        List<Insight> routed = ofType(InsightRules.derive(input(obs, List.of(), Set.of("translation"))),
                InsightType.INTENT_PATTERN);

        assertThat(unrouted).singleElement().satisfies(i -> assertThat(i.data())
                .containsEntry("intent", "translation").containsEntry("share_pct", 41.7)
                .containsEntry("trace_count", 25).containsEntry("current_model", "gpt-4o"));
        assertThat(routed).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameInsightsInAnyOrder() {
        List<TraceObservation> obs = new ArrayList<>(traces(20, "summarization", "gpt-4o", Grade.B, 20_000,
                Optional.empty()));
        obs.addAll(traces(12, "summarization", "gpt-4o-mini", Grade.A, 700, Optional.empty()));
        obs.addAll(traces(15, "translation", "gpt-4o", Grade.B, 900, Optional.empty()));
        List<ReplayEvidence> held = replays(4, "translation", "gpt-4o-mini", Grade.B, Grade.B);
        List<TraceObservation> shuffled = new ArrayList<>(obs);
        Collections.shuffle(shuffled, new Random(7));

        List<Insight> first = InsightRules.derive(input(obs, held, Set.of()));
        List<Insight> second = InsightRules.derive(input(shuffled, held, Set.of()));

        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(Insight::type).containsExactly(InsightType.MIGRATION_ALERT,
                InsightType.MIGRATION_ALERT, InsightType.LATENCY_ALERT, InsightType.INTENT_PATTERN);
        assertThat(first.get(0).estimatedSavingsUsd()).isGreaterThan(first.get(1).estimatedSavingsUsd());
    }
}
