package io.olyx.domain.grading;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user_rating values (1–5) clients logged on a trace's log steps; other values are ignored. */
public final class UserRatings {
    public static final BigDecimal LOWEST = BigDecimal.ONE;
    public static final BigDecimal HIGHEST = BigDecimal.valueOf(5);

    private UserRatings() {
    }

    public static List<Double> of(List<Step> steps) {
        return steps.stream()
                .filter(step -> step.type() == StepType.LOG && step.output() instanceof Map<?, ?>)
                .map(step -> JsonValues.decimal(((Map<?, ?>) step.output()).get("user_rating")))
                .flatMap(Optional::stream)
                .filter(r -> r.compareTo(LOWEST) >= 0 && r.compareTo(HIGHEST) <= 0)
                .map(BigDecimal::doubleValue)
                .toList();
    }

    public static Optional<Double> mean(List<Step> steps) {
        List<Double> ratings = of(steps);
        return ratings.isEmpty() ? Optional.empty()
                : Optional.of(ratings.stream().mapToDouble(Double::doubleValue).sum() / ratings.size());
    }
}
