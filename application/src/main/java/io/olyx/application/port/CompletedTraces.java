package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import java.time.Instant;
import java.util.List;

/** Completed (graded, non-replay) traces of a project that ended in [from, to), newest first, at most {@code limit}. */
@FunctionalInterface
public interface CompletedTraces {
    List<Trace> endedBetween(ProjectId project, Instant from, Instant to, int limit);
}
