package io.olyx.domain.trace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Seed 002's trace state machine: pending → completed | failed | canceled, nothing else. Completing an already
 * completed trace is allowed and recomputes the same summary, so a client retrying a timed-out completion is safe.
 * Replay traces are born in the replay state and stay there.
 */
public enum TraceStatus {
    PENDING, COMPLETED, FAILED, CANCELED, REPLAY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TraceStatus> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }

    public boolean canBecome(TraceStatus target) {
        return switch (this) {
            case PENDING -> target == COMPLETED || target == FAILED || target == CANCELED;
            case COMPLETED -> target == COMPLETED;
            case FAILED, CANCELED, REPLAY -> false;
        };
    }

    /**
     * Completed, failed or canceled: its summary was worked out when it ended, so a step landing in it later (a call
     * admitted while it was pending, a log after completion) has the summary worked out again.
     */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** Model-call steps may still be added: a client's to work in flight, a replay job's to its replay trace. */
    public boolean acceptsSteps(StepWriter writer) {
        return switch (writer) {
            case CLIENT -> this == PENDING;
            case REPLAY_JOB -> this == REPLAY;
        };
    }
}
