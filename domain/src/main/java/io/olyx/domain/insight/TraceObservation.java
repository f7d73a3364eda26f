package io.olyx.domain.insight;

import io.olyx.domain.grading.PrimaryModel;
import io.olyx.domain.grading.StepOrder;
import io.olyx.domain.grading.UserRatings;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A graded trace as the insight rules see it: what it was for, which model carried it, what it cost for how many
 * tokens, how long it took, its grade and its users' rating.
 */
public record TraceObservation(String intent, String model, BigDecimal cost, long promptTokens, long completionTokens,
                               double totalLatencyMs, Grade grade, Optional<Double> userRating) {
    public TraceObservation {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(userRating, "userRating");
    }

    /**
     * Reads an observation off a completed trace; empty when no run step called a model. The model is the one the
     * trace spent most on (ties: first by name).
     */
    public static Optional<TraceObservation> of(Trace trace, TraceSummary summary, List<Step> steps) {
        List<Step> runs = steps.stream().filter(s -> s.type() == StepType.RUN && s.modelCall().isPresent())
                .sorted(StepOrder.CANONICAL).toList();
        Optional<String> model = PrimaryModel.of(summary);
        if (runs.isEmpty() || model.isEmpty()) {
            return Optional.empty();
        }
        long prompt = runs.stream().mapToLong(s -> s.modelCall().orElseThrow().usage().promptTokens()).sum();
        long completion = runs.stream().mapToLong(s -> s.modelCall().orElseThrow().usage().completionTokens()).sum();
        return Optional.of(new TraceObservation(IntentClassifier.classify(trace.metadata(), runs.get(0).input()),
                model.get(), summary.totalCost(), prompt, completion, summary.totalLatencyMs(),
                summary.optimizationGrade(), UserRatings.mean(steps)));
    }

    /** A = 4 … F = 0, so grades can be averaged. */
    public int gradeScore() {
        return Grade.F.ordinal() - grade.ordinal();
    }
}
