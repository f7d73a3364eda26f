package io.olyx.domain.insight;

import io.olyx.domain.trace.Grade;
import java.util.Objects;
import java.util.Optional;

/**
 * One replay of a trace of {@code intent} from {@code sourceModel} on {@code replayModel}: both grades and, when the
 * replay job measured one, a 0–1 score of how well the replay's output matched the original's.
 */
public record ReplayEvidence(String intent, String sourceModel, String replayModel, Grade sourceGrade,
                             Grade replayGrade, Optional<Double> outputMatch) {
    public static final double MIN_OUTPUT_MATCH = 0.8;

    public ReplayEvidence {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(sourceModel, "sourceModel");
        Objects.requireNonNull(replayModel, "replayModel");
        Objects.requireNonNull(sourceGrade, "sourceGrade");
        Objects.requireNonNull(replayGrade, "replayGrade");
        Objects.requireNonNull(outputMatch, "outputMatch");
    }

    /** The replay graded at least as well as the original, and its output matched when that was measured. */
    public boolean heldQuality() {
        return replayGrade.ordinal() <= sourceGrade.ordinal()
                && outputMatch.map(match -> match >= MIN_OUTPUT_MATCH).orElse(true);
    }
}
