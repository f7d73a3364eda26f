package io.olyx.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureStreakTest {
    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private final FailureStreak streak = new FailureStreak(Duration.ofMinutes(1));

    @Test
    void theFirstFailureIsReportedThenOnePerQuietPeriod() {
        assertThat(streak.failed(T0)).isTrue();
        assertThat(streak.failed(T0.plusMillis(100))).isFalse();
        assertThat(streak.failed(T0.plusSeconds(59))).isFalse();
        assertThat(streak.failed(T0.plusSeconds(60))).isTrue();
        assertThat(streak.failed(T0.plusSeconds(61))).isFalse();
        assertThat(streak.failed(T0.plusSeconds(120))).isTrue();
        assertThat(streak.failures()).isEqualTo(6);
    }

    @Test
    void theEndOfAStreakTellsHowLongItWasAndTheNextFailureIsReportedAtOnce() {
        assertThat(streak.ended()).as("no streak, nothing to report").isZero();
        streak.failed(T0);
        streak.failed(T0.plusSeconds(1));
        streak.failed(T0.plusSeconds(2));

        assertThat(streak.ended()).isEqualTo(3);
        assertThat(streak.ended()).isZero();
        assertThat(streak.failed(T0.plusSeconds(3))).as("a new streak, though within the old quiet period").isTrue();
    }
}
