package io.olyx.domain.grading;

import io.olyx.domain.trace.TraceSummary;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The model that carried a trace: the one it spent most on, ties going to the first by name. */
public final class PrimaryModel {
    private PrimaryModel() {
    }

    public static Optional<String> of(TraceSummary summary) {
        return summary.costByModel().entrySet().stream()
                .max(Comparator.comparing(Map.Entry<String, BigDecimal>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }
}
