package io.olyx.bootstrap.cli;

import java.time.Duration;

/** Seed 002's replay polling guidance: 1 s after polls 1-3, 2 s after polls 4-10, 5 s from then on. */
final class PollSchedule {
    private PollSchedule() {
    }

    static Duration delayAfter(int poll) {
        if (poll < 1) {
            throw new IllegalArgumentException("polls count from 1");
        }
        return Duration.ofSeconds(poll <= 3 ? 1 : poll <= 10 ? 2 : 5);
    }
}
