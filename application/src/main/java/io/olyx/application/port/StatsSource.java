package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.GradedTrace;
import io.olyx.domain.trace.Step;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The raw facts stats are rolled up from, read by time range. */
public interface StatsSource {
    /** Steps that started in [from, to), without their input and output (stats never read payloads). */
    List<Step> steps(ProjectId project, Instant from, Instant to);

    /** Graded traces that ended in [from, to), replay traces excluded, with their log steps' user ratings. */
    List<EndedTrace> endedTraces(ProjectId project, Instant from, Instant to);

    record EndedTrace(Instant endedAt, GradedTrace trace) {
        public EndedTrace {
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(trace, "trace");
        }
    }
}
