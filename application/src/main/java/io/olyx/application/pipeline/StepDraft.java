package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepSecurity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a call has established stage by stage, from which its step is written: who called, on which trace, what was
 * sent (already shaped by the telemetry policy), the guardrails' verdict and the route.
 */
record StepDraft(KeyCaller caller, TraceHandle trace, Optional<StepId> parentStepId, String endpoint,
                 Map<String, Object> extraDetails, String fingerprint, Instant started, long startNanos,
                 Object input, StepSecurity security, Optional<Route.Resolved> route) {

    static StepDraft start(KeyCaller caller, TraceHandle trace, Optional<StepId> parent, String endpoint,
                           Map<String, Object> extraDetails, String fingerprint, Instant started, long startNanos) {
        return new StepDraft(caller, trace, parent, endpoint, extraDetails, fingerprint, started, startNanos, null,
                StepSecurity.clean(), Optional.empty());
    }

    StepDraft screened(Object recordedInput, StepSecurity verdict) {
        return new StepDraft(caller, trace, parentStepId, endpoint, extraDetails, fingerprint, started, startNanos,
                recordedInput, verdict, route);
    }

    StepDraft routed(Route.Resolved resolved) {
        return new StepDraft(caller, trace, parentStepId, endpoint, extraDetails, fingerprint, started, startNanos,
                input, security, Optional.of(resolved));
    }

    Optional<String> tier() {
        return route.flatMap(Route.Resolved::tier);
    }

    Map<String, Object> baseDetails() {
        Map<String, Object> details = new LinkedHashMap<>(extraDetails);
        details.put("endpoint", endpoint);
        details.put("fingerprint", fingerprint);
        route.flatMap(Route.Resolved::decision).ifPresent(d -> details.put("routing", d.explanation()));
        return details;
    }

    double latencyMs() {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
