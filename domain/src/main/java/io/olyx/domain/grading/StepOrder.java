package io.olyx.domain.grading;

import io.olyx.domain.trace.Step;
import java.util.Comparator;

/** The one order every trace computation reads steps in: by created_at, then by id, whatever order they came in. */
public final class StepOrder {
    public static final Comparator<Step> CANONICAL = Comparator.comparing(Step::createdAt)
            .thenComparingLong(step -> step.id().value());

    private StepOrder() {
    }
}
