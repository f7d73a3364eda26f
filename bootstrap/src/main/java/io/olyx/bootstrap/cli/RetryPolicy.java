package io.olyx.bootstrap.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * Seed 002's retry rules: 409 (only with an Idempotency-Key, which makes the retry safe), 429 and 500/502/503/504
 * and network errors are retried with exponential backoff and jitter; 400/401/403/404/422 never are. A Retry-After
 * is honoured as the least wait; one longer than {@code longestRetryAfter} ends the retries at once (a spend limit
 * that lifts in an hour is better reported than waited for).
 */
record RetryPolicy(int maxRetries, Duration base, Duration cap, Duration longestRetryAfter) {
    RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
    }

    static RetryPolicy standard(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
    }

    static boolean retryable(int status, boolean idempotent) {
        return switch (status) {
            case 409 -> idempotent;
            case 429, 500, 502, 503, 504 -> true;
            default -> false;
        };
    }

    /** Exponential backoff for the n-th retry (1-based) with equal jitter: half fixed, half random. */
    Duration backoff(int retry, double random) {
        long exponential = base.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(exponential, cap.toMillis());
        return Duration.ofMillis(capped / 2 + Math.round(capped / 2.0 * random));
    }

    /** The wait before the n-th retry, or empty when the server asks for a longer wait than we are willing to give. */
    Optional<Duration> delay(int retry, Optional<Duration> retryAfter, double random) {
        Duration backoff = backoff(retry, random);
        if (retryAfter.isEmpty()) {
            return Optional.of(backoff);
        }
        Duration asked = retryAfter.get();
        if (asked.compareTo(longestRetryAfter) > 0) {
            return Optional.empty();
        }
        return Optional.of(asked.compareTo(backoff) > 0 ? asked : backoff);
    }
}
