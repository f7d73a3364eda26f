package io.olyx.domain.trace;

/**
 * Who is adding a model-call step to a trace. A replay trace is the record of one replay job's re-run, graded when
 * the job ends: a client adding steps to it would make its summary disagree with its steps, so only its job may.
 */
public enum StepWriter {
    /** A call through the public API naming the trace. */
    CLIENT,
    /** The replay job recording into the replay trace it opened. */
    REPLAY_JOB
}
