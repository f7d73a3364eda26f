package io.olyx.adapter.http.trace;

import io.olyx.adapter.http.MoneyJson;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The trace, step and summary shapes of seed 001 ("Get a trace", "Complete a trace") and seed 002. */
public final class TraceJson {
    private TraceJson() {
    }

    public static Map<String, Object> envelope(Trace t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id().toString());
        json.put("status", t.status().wire());
        json.put("created_at", t.createdAt().toString());
        json.put("metadata", t.metadata());
        json.put("revenue", MoneyJson.amount(t.revenue()));
        json.put("local_ref", t.localRef().orElse(null));
        json.put("ended_at", t.endedAt().map(Instant::toString).orElse(null));
        t.replayOf().ifPresent(source -> json.put("replay_of", source.toString()));
        return json;
    }

    static Map<String, Object> created(Trace t, DistributionPolicy policy) {
        Map<String, Object> json = envelope(t);
        Map<String, Object> distribution = new LinkedHashMap<>();
        distribution.put("distribution_channel", t.distributionChannel());
        distribution.put("telemetry_mode", policy.telemetryMode());
        distribution.put("payload_storage_mode", policy.payloadStorageMode());
        distribution.put("payload_retained", policy.payloadRetained());
        distribution.put("replay_execution_mode", policy.replayExecutionMode());
        distribution.put("local_ref", t.localRef().orElse(null));
        json.put("distribution", distribution);
        return json;
    }

    /** PATCH .../complete: the envelope plus grades and the cost summary. */
    static Map<String, Object> completed(Trace t, TraceSummary s) {
        Map<String, Object> json = envelope(t);
        json.put("optimization_grade", s.optimizationGrade().name());
        json.put("grades", grades(s));
        json.put("total_cost", MoneyJson.amount(s.totalCost()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total_cost", MoneyJson.amount(s.totalCost()));
        summary.put("revenue", MoneyJson.amount(s.revenue()));
        summary.put("gross_margin", MoneyJson.amount(s.grossMargin()));
        summary.put("by_model", MoneyJson.amounts(s.costByModel()));
        summary.put("by_infrastructure", MoneyJson.amounts(s.costByInfrastructure()));
        json.put("summary", summary);
        return json;
    }

    /** GET /traces/:id: everything, with the steps in recording order. */
    static Map<String, Object> detailed(Trace t, TraceSummary s, List<Step> steps) {
        Map<String, Object> json = envelope(t);
        json.put("summary", summary(s));
        json.put("security", security(s.security()));
        json.put("routing_decision", s.routingDecision()
                .map(r -> Map.<String, Object>of("tier", r.tier(), "model", r.model())).orElse(null));
        json.put("steps", steps.stream().map(TraceJson::step).toList());
        return json;
    }

    static Map<String, Object> summary(TraceSummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_latency_ms", s.totalLatencyMs());
        json.put("total_cost", MoneyJson.amount(s.totalCost()));
        json.put("revenue", MoneyJson.amount(s.revenue()));
        json.put("gross_margin", MoneyJson.amount(s.grossMargin()));
        json.put("latency_p50", s.latencyP50().orElse(null));
        json.put("latency_p95", s.latencyP95().orElse(null));
        json.put("latency_p99", s.latencyP99().orElse(null));
        json.put("optimization_grade", s.optimizationGrade().name());
        json.put("grades", grades(s));
        json.put("step_count", s.stepCount());
        json.put("chain_depth", s.chainDepth());
        json.put("tool_overhead_ms", s.toolOverheadMs().orElse(null));
        json.put("stall_probability", s.stallProbability());
        json.put("by_model", MoneyJson.amounts(s.costByModel()));
        json.put("by_infrastructure", MoneyJson.amounts(s.costByInfrastructure()));
        return json;
    }

    static Map<String, Object> security(TraceSummary.Security s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pii_detected", s.piiDetected());
        json.put("injection_attempt", s.injectionAttempt());
        json.put("secret_leaked", s.secretLeaked());
        json.put("tool_fidelity_score", s.toolFidelityScore().orElse(null));
        json.put("shadow_score", s.shadowScore().orElse(null));
        return json;
    }

    private static Map<String, Object> grades(TraceSummary s) {
        return Map.of("overall", s.grades().overall().name(), "waste", s.grades().waste().name(),
                "latency", s.grades().latency().name());
    }

    public static Map<String, Object> step(Step s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id().value());
        json.put("type", s.type().wire());
        json.put("parent_step_id", s.parentStepId().map(StepId::value).orElse(null));
        json.put("status", s.outcome().wire());
        s.modelCall().ifPresent(call -> {
            json.put("model", call.model());
            json.put("provider", call.provider());
            json.put("infrastructure", call.infrastructure());
            json.put("tier", call.tier().orElse(null));
            json.put("cost", MoneyJson.amount(call.usage().cost()));
            json.put("usage", Map.of("prompt_tokens", call.usage().promptTokens(),
                    "completion_tokens", call.usage().completionTokens(),
                    "cached_prompt_tokens", call.usage().cachedPromptTokens(),
                    "total_tokens", call.usage().totalTokens(),
                    "estimated", call.usage().estimated()));
            json.put("attempts", call.attempts().stream().map(TraceJson::attempt).toList());
        });
        json.put("input", s.input());
        json.put("output", s.output());
        json.put("latency_ms", s.latencyMs());
        json.put("security", Map.of("pii_detected", s.security().piiDetected(),
                "injection_attempt", s.security().injectionAttempt(),
                "secret_leaked", s.security().secretLeaked(),
                "risk_score", s.security().riskScore()));
        s.details().forEach(json::putIfAbsent);
        json.put("created_at", s.createdAt().toString());
        return json;
    }

    public static Map<String, Object> attempt(ProviderAttempt a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", a.model());
        json.put("provider", a.provider());
        json.put("succeeded", a.succeeded());
        json.put("http_status", a.httpStatus().orElse(null));
        json.put("error", a.error().orElse(null));
        json.put("latency_ms", a.latencyMs());
        return json;
    }
}
