package io.olyx.application.port;

import io.olyx.domain.common.Page;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.util.Optional;

public interface TraceRepository {
    void insert(Trace trace);

    /** Stores the new status, end time and summary, but only if the trace is still in {@code expected}. */
    boolean updateIfStatus(Trace trace, TraceStatus expected);

    /**
     * Stores an ended trace's summary worked out again, unless the stored one covers as many steps already: steps
     * are only ever added to a trace, so a summary of more steps is the later one, whichever write comes last.
     *
     * @return whether this summary was stored
     */
    boolean reviseSummary(Trace trace);

    /** A trace of that project; another project's trace is indistinguishable from a missing one. */
    Optional<Trace> find(ProjectId project, TraceId id);

    /**
     * As {@link #find}, and inside a {@link UnitOfWork} the trace's row stays locked until the transaction ends: work
     * that decides on the same trace (on this node or another sharing the database) goes one request at a time, and
     * each sees what the one before it committed.
     */
    Optional<Trace> findLocked(ProjectId project, TraceId id);

    Page<Trace> list(ProjectId project, Optional<TraceStatus> status, PageRequest page);
}
