package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyProperties {
    private final RetryPolicy policy = RetryPolicy.standard(4);

    @Property
    void backoffStaysWithinHalfAndAllOfItsCappedExponential(@ForAll @IntRange(min = 1, max = 200) int retry,
                                                             @ForAll @DoubleRange(min = 0, max = 1) double random) {
        long full = Math.min(500L << Math.min(retry - 1, 20), 8000L);
        assertThat(policy.backoff(retry, random).toMillis()).isBetween(full / 2, full);
    }

    @Property
    void noRetryComesSoonerThanTheServerAsked(@ForAll @IntRange(min = 1, max = 50) int retry,
                                              @ForAll @LongRange(min = 0, max = 60) long seconds,
                                              @ForAll @DoubleRange(min = 0, max = 1) double random) {
        Duration asked = Duration.ofSeconds(seconds);
        assertThat(policy.delay(retry, Optional.of(asked), random).orElseThrow()).isGreaterThanOrEqualTo(asked);
    }
}
