package io.olyx.application.gateway;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.trace.CompleteTrace;
import io.olyx.application.trace.CreateTrace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The trace of a gateway call that takes several model calls (a query rewrite, server-side tool rounds): opened
 * before the first, completed after the last, so all its steps are one trace. A call that takes one model call
 * leaves this to the pipeline, which opens and completes a trace for it at no extra cost.
 */
final class GatewayTraces {
    private final CreateTrace create;
    private final CompleteTrace complete;

    GatewayTraces(CreateTrace create, CompleteTrace complete) {
        this.create = create;
        this.complete = complete;
    }

    Optional<TraceId> open(KeyCaller caller, Map<String, Object> metadata, boolean needed) {
        if (!needed) {
            return Optional.empty();
        }
        Map<String, Object> labelled = new LinkedHashMap<>(metadata);
        labelled.putIfAbsent("source", GatewayChat.ENDPOINT);
        return switch (create.create(new CreateTrace.Command(labelled, Optional.empty(), Optional.empty(),
                Optional.empty()), caller)) {
            case CreateTrace.Result.Created created -> Optional.of(created.trace().id());
            case CreateTrace.Result.LocalRefRequired required -> Optional.empty();
        };
    }

    void close(KeyCaller caller, Optional<TraceId> trace, boolean answered) {
        trace.ifPresent(id -> complete.end(id, answered ? TraceStatus.COMPLETED : TraceStatus.FAILED, caller));
    }
}
