package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Seed 002's trace lifecycle calls, with the policy checks that must pass before anything is sent. */
final class Traces {
    private Traces() {
    }

    /**
     * POST /api/v1/traces: refused locally when policy wants a local_ref, or when the local_ref or a metadata value
     * (each a bounded input standing for the work) is over guardrails.max_input_length.
     */
    static JsonNode create(ProtocolSession session, TraceDraft draft, String idempotencyKey) {
        Policy policy = session.policy();
        policy.requireLocalRef(draft.localRef());
        draft.localRef().ifPresent(ref -> policy.requireWithinInputLimit("--local-ref", ref.length()));
        draft.metadata().forEach((key, value) -> policy.requireWithinInputLimit("metadata \"" + key + "\"",
                (value instanceof String text ? text : Json.write(value)).length()));
        return session.api().post("/api/v1/traces", draft.body(), Optional.of(idempotencyKey));
    }

    /** PATCH /api/v1/traces/{id}/complete: no body for plain completion, {"status"} for failed or canceled. */
    static JsonNode end(ProtocolSession session, String traceId, Optional<String> status, String idempotencyKey) {
        return session.api().send("PATCH", "/api/v1/traces/" + UrlParts.segment(checkedId(traceId)) + "/complete",
                status.map(s -> Map.of("status", s)), Optional.of(idempotencyKey));
    }

    static String checkedId(String traceId) {
        return OpaqueId.checked("trace", traceId);
    }
}
