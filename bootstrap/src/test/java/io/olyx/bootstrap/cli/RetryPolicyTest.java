package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.standard(4);

    @ParameterizedTest
    @CsvSource({"400, false", "401, false", "403, false", "404, false", "422, false", "501, false",
            "429, true", "500, true", "502, true", "503, true", "504, true"})
    void retriesExactlyTheSeedsRetryableStatuses(int status, boolean retried) {
        assertThat(RetryPolicy.retryable(status, true)).isEqualTo(retried);
        assertThat(RetryPolicy.retryable(status, false)).isEqualTo(retried);
    }

    @Test
    void aConflictIsRetriedOnlyUnderAnIdempotencyKey() {
        assertThat(RetryPolicy.retryable(409, true)).isTrue();
        assertThat(RetryPolicy.retryable(409, false)).isFalse();
    }

    @Test
    void backoffDoublesUpToTheCapWithHalfOfItJittered() {
        assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.backoff(1, 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(30, 1.0)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void retryAfterIsTheLeastWaitAndTooLongAWaitEndsTheRetries() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(5)), 0.5)).contains(Duration.ofSeconds(5));
        assertThat(policy.delay(5, Optional.of(Duration.ZERO), 0.0)).contains(Duration.ofSeconds(4));
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(61)), 0.5)).isEmpty();
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-06-03T14:12:09Z");
        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Wed, 03 Jun 2026 14:12:39 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 03 Jun 2026 14:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
    }
}
