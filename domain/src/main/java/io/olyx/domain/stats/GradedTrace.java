package io.olyx.domain.stats;

import io.olyx.domain.grading.PrimaryModel;
import io.olyx.domain.grading.UserRatings;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.TraceSummary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A completed trace as the stats see it: its summary and the mean user_rating its log steps carried, if any. */
public record GradedTrace(TraceSummary summary, Optional<Double> meanUserRating) {
    public GradedTrace {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(meanUserRating, "meanUserRating");
    }

    public static GradedTrace of(TraceSummary summary, List<Step> steps) {
        return new GradedTrace(summary, UserRatings.mean(steps));
    }

    /** The model that carried the trace: the one it spent most on (ties: first by name); empty without run steps. */
    public Optional<String> primaryModel() {
        return PrimaryModel.of(summary);
    }
}
