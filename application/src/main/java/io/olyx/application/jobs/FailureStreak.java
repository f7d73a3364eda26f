package io.olyx.application.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Which failures of a background loop are worth a log line. A loop that tries again every second (or every tenth
 * of one) while its database is away would otherwise write a stack trace each time, burying the first one: this
 * reports the first failure, then at most one per {@code quiet} period while they go on, and the recovery once.
 * One loop owns it: it is not thread-safe.
 */
public final class FailureStreak {
    private final Duration quiet;
    private int failures;
    private Instant nextReport = Instant.MIN;

    public FailureStreak(Duration quiet) {
        this.quiet = quiet;
    }

    /** Counts a failure; whether it should be reported. */
    public boolean failed(Instant now) {
        failures++;
        if (failures == 1 || !now.isBefore(nextReport)) {
            nextReport = now.plus(quiet);
            return true;
        }
        return false;
    }

    /** Failures in the streak so far, this one included. */
    public int failures() {
        return failures;
    }

    /** Ends the streak: the number of failures it held, 0 when there was none (nothing to report). */
    public int ended() {
        int held = failures;
        failures = 0;
        return held;
    }
}
