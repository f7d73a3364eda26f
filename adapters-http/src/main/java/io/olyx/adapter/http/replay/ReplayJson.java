package io.olyx.adapter.http.replay;

import io.olyx.adapter.http.MoneyJson;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.application.port.ReplayStore.Result;
import io.olyx.domain.replay.ComparisonSide;
import io.olyx.domain.replay.ReplayComparison;
import io.olyx.domain.trace.TraceId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay job as seed 001 and seed 002 show it: job_id, status, source_trace_id and overrides always; once completed
 * the comparison (source beside replay, or beside replays for compare_models), replay_trace_id(s), skipped_steps and
 * seed 002's summary; once failed the error.
 */
final class ReplayJson {
    private ReplayJson() {
    }

    static Map<String, Object> cached(Replay replay) {
        Map<String, Object> json = of(replay);
        json.put("cached", true);
        return json;
    }

    static Map<String, Object> of(Replay replay) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("job_id", replay.id());
        json.put("status", replay.status().wire());
        json.put("source_trace_id", replay.sourceTraceId().toString());
        json.put("overrides", replay.overrides().toJson());
        replay.result().ifPresent(result -> completed(json, replay, result));
        replay.error().ifPresent(error -> json.put("error", error));
        return json;
    }

    private static void completed(Map<String, Object> json, Replay replay, Result result) {
        switch (result.comparison()) {
            case ReplayComparison.Single single -> {
                String target = replay.replayTraces().keySet().stream().findFirst().orElse("");
                json.put("replay_trace_id", traceId(replay, target));
                json.put("skipped_steps", result.skippedSteps().getOrDefault(target, 0L));
                json.put("comparison", comparison(single.source(), "replay", side(single.replay())));
                json.put("summary", summary(single.source(), single.replay()));
            }
            case ReplayComparison.Multi multi -> {
                List<Map<String, Object>> replays = multi.replays().stream().map(r -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("model", r.model());
                    item.putAll(side(r.result()));
                    item.put("replay_trace_id", traceId(replay, r.model()));
                    item.put("skipped_steps", result.skippedSteps().getOrDefault(r.model(), 0L));
                    return item;
                }).toList();
                json.put("comparison", comparison(multi.source(), "replays", replays));
                multi.replays().stream().map(ReplayComparison.ModelReplay::result)
                        .min(Comparator.comparing(ComparisonSide::totalCost))
                        .ifPresent(cheapest -> json.put("summary", summary(multi.source(), cheapest)));
            }
        }
    }

    private static Map<String, Object> comparison(ComparisonSide source, String name, Object replayed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", side(source));
        json.put(name, replayed);
        return json;
    }

    private static Map<String, Object> side(ComparisonSide side) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_cost", MoneyJson.amount(side.totalCost()));
        json.put("optimization_grade", side.optimizationGrade().name());
        json.put("total_latency_ms", side.totalLatencyMs());
        json.put("models_used", side.modelsUsed());
        json.put("grades", Map.of("overall", side.grades().overall().name(), "waste", side.grades().waste().name(),
                "latency", side.grades().latency().name()));
        return json;
    }

    /** Seed 002's summary: the candidate (for compare_models, the cheapest replay) against the source. */
    private static Map<String, Object> summary(ComparisonSide source, ComparisonSide candidate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("baseline_model", source.modelsUsed().isEmpty() ? null : source.modelsUsed().getFirst());
        json.put("candidate_model", candidate.modelsUsed().isEmpty() ? null : candidate.modelsUsed().getFirst());
        json.put("latency_delta_ms", Math.round(candidate.totalLatencyMs() - source.totalLatencyMs()));
        BigDecimal delta = candidate.totalCost().subtract(source.totalCost());
        json.put("cost_delta", delta.stripTrailingZeros().toPlainString());
        return json;
    }

    private static String traceId(Replay replay, String target) {
        TraceId id = replay.replayTraces().get(target);
        return id == null ? null : id.toString();
    }
}
