package io.olyx.adapter.http.stats;

import io.olyx.adapter.http.MoneyJson;
import io.olyx.domain.project.Project;
import io.olyx.domain.stats.DriftReport;
import io.olyx.domain.stats.StatsReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of GET /api/v1/stats, block by block as seed 001 shows it. */
final class StatsJson {
    private StatsJson() {
    }

    static Map<String, Object> of(Project project, StatsReport r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("project_id", project.id().value());
        json.put("period", ordered("label", r.period().label(), "start", r.period().start().toString(),
                "end", r.period().end().toString()));
        StatsReport.Latency latency = r.latency();
        json.put("latency", ordered("p50", latency.p50().orElse(null), "p95", latency.p95().orElse(null),
                "p99", latency.p99().orElse(null), "avg_ms", latency.avgMs().orElse(null)));
        json.put("cost", ordered("total", MoneyJson.amount(r.cost().total()),
                "by_model", r.cost().byModel().stream()
                        .map(c -> ordered("model", c.model(), "cost", MoneyJson.amount(c.cost()))).toList(),
                "by_infrastructure", r.cost().byInfrastructure().stream()
                        .map(c -> ordered("infrastructure", c.infrastructure(), "cost", MoneyJson.amount(c.cost())))
                        .toList()));
        json.put("revenue", MoneyJson.amount(r.revenue()));
        json.put("gross_margin", MoneyJson.amount(r.grossMargin()));
        json.put("gross_margin_pct", r.grossMarginPct().orElse(null));
        StatsReport.Security s = r.security();
        json.put("security", ordered("total_requests", s.totalRequests(), "pii_block_rate", s.piiBlockRate(),
                "injection_shadow_rate", s.injectionShadowRate(),
                "tool_fidelity_score", s.toolFidelityScore().orElse(null),
                "loop_interventions", s.loopInterventions(), "secret_leakage_rate", s.secretLeakageRate()));
        json.put("agent", agent(r.agent()));
        return json;
    }

    private static Map<String, Object> agent(StatsReport.Agent a) {
        StatsReport.McpLatency m = a.mcpLatency();
        StatsReport.ChainDepth c = a.chainDepth();
        StatsReport.Stall s = a.stall();
        return ordered(
                "mcp_latency", ordered("avg_model_think_ms", m.avgModelThinkMs(), "p95_model_think_ms",
                        m.p95ModelThinkMs(), "avg_tool_exec_ms", m.avgToolExecMs(), "p95_tool_exec_ms",
                        m.p95ToolExecMs(), "tool_call_count", m.toolCallCount(), "overhead_ratio", m.overheadRatio()),
                "chain_depth", ordered("avg_tool_cycles", c.avgToolCycles(), "max_tool_cycles", c.maxToolCycles(),
                        "deep_loop_count", c.deepLoopCount()),
                "bias_drift", a.biasDrift().stream().map(StatsJson::drift).toList(),
                "stall", ordered("avg_probability", s.avgProbability(), "alert_count", s.alertCount(),
                        "monitor_count", s.monitorCount(), "alert_rate_pct", s.alertRatePct()));
    }

    private static Map<String, Object> drift(DriftReport d) {
        return ordered("model", d.model(), "earlier_samples", d.earlierSamples(), "recent_samples",
                d.recentSamples(), "latency_ms", change(d.latencyMs()),
                "cost_per_1k_tokens", d.costPer1kTokens().map(StatsJson::change).orElse(null),
                "user_rating", d.userRating().map(StatsJson::change).orElse(null), "drifting", d.drifting());
    }

    private static Map<String, Object> change(DriftReport.Change c) {
        return ordered("earlier", c.earlier(), "recent", c.recent(), "change_pct", c.changePct());
    }

    /** A JSON object with its members in the order given (name, value, name, value...); values may be null. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return json;
    }
}
