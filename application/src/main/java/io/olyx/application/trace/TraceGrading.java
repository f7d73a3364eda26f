package io.olyx.application.trace;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.util.List;

/** Computes a trace's summary and grades from its steps, with whatever project context the grader needs. */
@FunctionalInterface
public interface TraceGrading {
    TraceSummary summarize(Trace trace, List<Step> steps);
}
