package io.olyx.bootstrap.cli;

import java.time.Duration;

/** Waits between retries and polls; tests pass one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
