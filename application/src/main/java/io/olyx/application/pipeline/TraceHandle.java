package io.olyx.application.pipeline;

import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;

/**
 * The trace a call records into: one the caller named, or one the pipeline opened for a call that named none. An
 * opened trace is only written with its call's step, in the same commit, so a refused call leaves nothing behind.
 */
final class TraceHandle {
    private final Trace trace;
    private final boolean implicit;

    private TraceHandle(Trace trace, boolean implicit) {
        this.trace = trace;
        this.implicit = implicit;
    }

    static TraceHandle existing(Trace trace) {
        return new TraceHandle(trace, false);
    }

    static TraceHandle implicit(Trace unsaved) {
        return new TraceHandle(unsaved, true);
    }

    TraceId id() {
        return trace.id();
    }

    Trace get() {
        return trace;
    }

    boolean implicit() {
        return implicit;
    }
}
