package io.olyx.domain.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.domain.grading.StepBuilder;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplayComparisonTest {
    static TraceSummary summary(String cost, Grade overall, double latency) {
        return new TraceSummary(latency, new BigDecimal(cost), Optional.empty(), Optional.empty(),
                Optional.of(1.0), Optional.of(2.0), Optional.of(3.0),
                new TraceSummary.Grades(overall, overall, Grade.A), 2, 0, Optional.empty(), 0, Map.of(), Map.of(),
                new TraceSummary.Security(false, false, false, Optional.empty(), Optional.empty()), Optional.empty());
    }

    static final ComparisonSide SOURCE = ComparisonSide.of(summary("0.012", Grade.B, 1240), List.of("gpt-4o"));
    static final ComparisonSide MINI = ComparisonSide.of(summary("0.003", Grade.A, 870), List.of("gpt-4o-mini"));
    static final ComparisonSide TURBO = ComparisonSide.of(summary("0.001", Grade.A, 620), List.of("gpt-3.5-turbo"));

    @Test
    void aForcedModelGivesASourceAndReplayPair() {
        ReplayComparison comparison = ReplayComparison.of(new ReplayMode.SingleModel("gpt-4o-mini"), SOURCE,
                Map.of("gpt-4o-mini", MINI));

        assertThat(comparison).isEqualTo(new ReplayComparison.Single(SOURCE, MINI));
        ReplayComparison.Single single = (ReplayComparison.Single) comparison;
        assertThat(single.source().totalCost()).isEqualByComparingTo("0.012");
        assertThat(single.source().optimizationGrade()).isEqualTo(Grade.B);
        assertThat(single.replay().optimizationGrade()).isEqualTo(Grade.A);
        assertThat(single.replay().totalLatencyMs()).isEqualTo(870.0);
        assertThat(single.replay().modelsUsed()).containsExactly("gpt-4o-mini");
        assertThat(single.replay().grades()).isEqualTo(new TraceSummary.Grades(Grade.A, Grade.A, Grade.A));
    }

    @Test
    void comparedModelsComeBackInTheRequestedOrder() {
        ReplayComparison comparison = ReplayComparison.of(
                new ReplayMode.CompareModels(List.of("gpt-4o-mini", "gpt-3.5-turbo")), SOURCE,
                Map.of("gpt-3.5-turbo", TURBO, "gpt-4o-mini", MINI));

        assertThat(comparison).isEqualTo(new ReplayComparison.Multi(SOURCE, List.of(
                new ReplayComparison.ModelReplay("gpt-4o-mini", MINI),
                new ReplayComparison.ModelReplay("gpt-3.5-turbo", TURBO))));
    }

    @Test
    void aMissingReplayIsABug() {
        assertThatThrownBy(() -> ReplayComparison.of(new ReplayMode.CompareModels(List.of("a", "b")), SOURCE,
                Map.of("a", MINI))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplayComparison.of(new ReplayMode.Rerun(), SOURCE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelsUsedFollowTheRunStepsInOrderOnce() {
        List<String> used = ComparisonSide.modelsUsed(List.of(
                StepBuilder.run(3, "gpt-4o").at(30).build(), StepBuilder.check(1).build(),
                StepBuilder.run(2, "gpt-4o-mini").at(10).build(), StepBuilder.run(4, "gpt-4o-mini").at(40).build()));

        assertThat(used).containsExactly("gpt-4o-mini", "gpt-4o");
    }
}
