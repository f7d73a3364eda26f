package io.olyx.application.retention;

import io.olyx.domain.project.ProjectSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * A project's {@code retention} settings: {@code trace_days} (traces, with their steps, are deleted that many days
 * after they were created) and {@code payload_days} (steps keep their input and output that long; the step itself,
 * its cost, tokens and latency stay). Absent or 0 means keep forever; fractions of a day are allowed.
 */
public record RetentionPolicy(Optional<Duration> traces, Optional<Duration> payloads) {
    public static final String SECTION = "retention";

    public static RetentionPolicy of(ProjectSettings settings) {
        return new RetentionPolicy(days(settings, "trace_days"), days(settings, "payload_days"));
    }

    private static Optional<Duration> days(ProjectSettings settings, String key) {
        return settings.number(SECTION, key).filter(d -> d.signum() > 0)
                .map(d -> Duration.ofSeconds(d.multiply(BigDecimal.valueOf(86_400)).longValue()));
    }
}
