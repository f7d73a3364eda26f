package io.olyx.bootstrap;

import java.time.Instant;

/** A UTC clock the test moves by hand. */
final class SettableClock extends UtcClock {
    private volatile Instant now;

    SettableClock(Instant now) {
        this.now = now;
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
