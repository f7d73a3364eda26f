package io.olyx.domain.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff for failed jobs: 2, 4, 8 ... seconds after the n-th failure, capped; no retry once the
 * attempts are used up, so a job always ends in succeeded or failed.
 */
public record RetryPolicy(Duration base, Duration cap) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** When to run again after {@code attempts} failed tries, or empty when the job has no tries left. */
    public Optional<Instant> nextRun(int attempts, int maxAttempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = base.multipliedBy(factor);
        return Optional.of(now.plus(delay.compareTo(cap) > 0 ? cap : delay));
    }
}
