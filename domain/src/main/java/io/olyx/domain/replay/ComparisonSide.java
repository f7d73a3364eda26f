package io.olyx.domain.replay;

import io.olyx.domain.grading.StepOrder;
import io.olyx.domain.trace.Grade;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One column of a replay comparison: total_cost, optimization_grade, total_latency_ms, models_used, grades. */
public record ComparisonSide(BigDecimal totalCost, Grade optimizationGrade, double totalLatencyMs,
                             List<String> modelsUsed, TraceSummary.Grades grades) {
    public ComparisonSide {
        Objects.requireNonNull(totalCost, "totalCost");
        Objects.requireNonNull(optimizationGrade, "optimizationGrade");
        Objects.requireNonNull(grades, "grades");
        modelsUsed = List.copyOf(modelsUsed);
    }

    public static ComparisonSide of(TraceSummary summary, List<String> modelsUsed) {
        return new ComparisonSide(summary.totalCost(), summary.optimizationGrade(), summary.totalLatencyMs(),
                modelsUsed, summary.grades());
    }

    public static ComparisonSide of(TraceSummary summary, Iterable<Step> steps) {
        return of(summary, modelsUsed(steps));
    }

    /** Whether this side still says what {@code summary} does: the same cost, latency and grades. */
    public boolean shows(TraceSummary summary) {
        return totalCost.compareTo(summary.totalCost()) == 0 && totalLatencyMs == summary.totalLatencyMs()
                && grades.equals(summary.grades());
    }

    /** The models the trace's run steps called, each once, in the order the steps ran. */
    public static List<String> modelsUsed(Iterable<Step> steps) {
        List<Step> runs = new ArrayList<>();
        steps.forEach(step -> {
            if (step.type() == StepType.RUN && step.modelCall().isPresent()) {
                runs.add(step);
            }
        });
        return runs.stream().sorted(StepOrder.CANONICAL)
                .map(step -> step.modelCall().orElseThrow().model()).distinct().toList();
    }
}
