package io.olyx.domain.admission;

import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** Requests per key per minute (settings.rate_limit.requests_per_minute); absent or 0 means unlimited. */
public record RateLimitPolicy(OptionalInt requestsPerMinute) {
    public static RateLimitPolicy of(ProjectSettings settings) {
        return new RateLimitPolicy(settings.number("rate_limit", "requests_per_minute")
                .map(BigDecimal::intValue).filter(n -> n > 0)
                .map(OptionalInt::of).orElse(OptionalInt.empty()));
    }

    /** Fixed one-minute windows aligned to the epoch minute, so every node agrees which window a request is in. */
    public static long window(Instant now) {
        return now.getEpochSecond() / 60;
    }

    public static Duration untilNextWindow(Instant now) {
        return Duration.ofSeconds(Math.max(1, 60 - now.getEpochSecond() % 60));
    }

    public boolean allows(long countIncludingThis) {
        return requestsPerMinute.isEmpty() || countIncludingThis <= requestsPerMinute.getAsInt();
    }
}
