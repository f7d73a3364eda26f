package io.olyx.bootstrap;

import java.time.Duration;
import java.time.Instant;

/**
 * The system's UTC clock moved ahead by hand: time keeps running (job leases, waits and polls behave as in
 * production) while a test jumps over the hours a retention rule is about.
 */
final class ShiftedClock extends UtcClock {
    private volatile Duration ahead = Duration.ZERO;

    void moveAhead(Duration by) {
        ahead = ahead.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead);
    }
}
