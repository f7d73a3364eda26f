package io.olyx.application.port;

import io.olyx.domain.trace.TraceId;
import java.time.Instant;

/** How often a trace already recorded a step with this request fingerprint since a moment. */
@FunctionalInterface
public interface LoopHistory {
    long count(TraceId trace, String fingerprint, Instant since);
}
