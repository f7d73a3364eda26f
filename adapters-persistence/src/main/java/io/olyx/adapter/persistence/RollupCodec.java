package io.olyx.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.olyx.domain.stats.CostTotals;
import io.olyx.domain.stats.CountHistogram;
import io.olyx.domain.stats.HourlyRollup;
import io.olyx.domain.stats.LatencySketch;
import io.olyx.domain.stats.ModelTotals;
import io.olyx.domain.stats.TraceTotals;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores an {@link HourlyRollup} as compact JSON: sketches as parallel index/count arrays, histograms without their
 * trailing empty bins, model totals as fixed-position arrays. Exact: reading what was written gives an equal rollup.
 */
final class RollupCodec {
    private final JsonCodec json;
    /** Reads straight into a tree: hundreds of rollups per long-period request, so no copying into frozen maps. */
    private final ObjectMapper reader = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    RollupCodec(JsonCodec json) {
        this.json = json;
    }

    String write(HourlyRollup r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("request_latency", sketch(r.requestLatency()));
        doc.put("model_think", sketch(r.modelThink()));
        doc.put("tool_exec", sketch(r.toolExec()));
        doc.put("cost", Map.of("total", r.cost().total(), "by_model", r.cost().byModel(),
                "by_infrastructure", r.cost().byInfrastructure()));
        doc.put("loop_interventions", r.loopInterventions());
        doc.put("traces", traces(r.traces()));
        Map<String, Object> models = new TreeMap<>();
        r.models().forEach((model, t) -> models.put(model, List.of(t.runSteps(), t.latencyMicros(), t.tokens(),
                t.cost(), t.ratingMicros(), t.ratings())));
        doc.put("models", models);
        return json.write(doc);
    }

    HourlyRollup read(String text) {
        JsonNode doc;
        try {
            doc = reader.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode cost = doc.get("cost");
        Map<String, ModelTotals> models = new HashMap<>();
        doc.get("models").properties().forEach(e -> {
            JsonNode t = e.getValue();
            models.put(e.getKey(), new ModelTotals(t.get(0).asLong(), t.get(1).asLong(), t.get(2).asLong(),
                    t.get(3).decimalValue(), t.get(4).asLong(), t.get(5).asLong()));
        });
        return new HourlyRollup(sketch(doc.get("request_latency")), sketch(doc.get("model_think")),
                sketch(doc.get("tool_exec")), new CostTotals(cost.get("total").decimalValue(),
                decimals(cost.get("by_model")), decimals(cost.get("by_infrastructure"))),
                doc.get("loop_interventions").asLong(), traces(doc.get("traces")), models);
    }

    private static Map<String, Object> sketch(LatencySketch s) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("i", List.copyOf(s.buckets().keySet()));
        doc.put("c", List.copyOf(s.buckets().values()));
        doc.put("zero", s.zeroCount());
        doc.put("sum_micros", s.sumMicros());
        doc.put("min", s.min());
        doc.put("max", s.max());
        return doc;
    }

    private static LatencySketch sketch(JsonNode doc) {
        JsonNode indexes = doc.get("i");
        JsonNode counts = doc.get("c");
        Map<Integer, Long> buckets = HashMap.newHashMap(indexes.size());
        for (int i = 0; i < indexes.size(); i++) {
            buckets.put(indexes.get(i).asInt(), counts.get(i).asLong());
        }
        return LatencySketch.restore(buckets, doc.get("zero").asLong(), doc.get("sum_micros").asLong(),
                doc.get("min").doubleValue(), doc.get("max").doubleValue());
    }

    private static Map<String, Object> traces(TraceTotals t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("traces", t.traces());
        doc.put("revenue", t.revenue());
        doc.put("pii", t.piiTraces());
        doc.put("injection", t.injectionTraces());
        doc.put("secret", t.secretTraces());
        doc.put("fidelity_micros", t.fidelityMicros());
        doc.put("fidelity_traces", t.fidelityTraces());
        doc.put("depth_sum", t.chainDepthSum());
        doc.put("depth_max", t.chainDepthMax());
        doc.put("depths", trimmed(t.chainDepths()));
        doc.put("stall_micros", t.stallMicros());
        doc.put("stall_percent", trimmed(t.stallPercent()));
        return doc;
    }

    private static TraceTotals traces(JsonNode doc) {
        return new TraceTotals(doc.get("traces").asLong(), doc.get("revenue").decimalValue(), doc.get("pii").asLong(),
                doc.get("injection").asLong(), doc.get("secret").asLong(), doc.get("fidelity_micros").asLong(),
                doc.get("fidelity_traces").asLong(), doc.get("depth_sum").asLong(), doc.get("depth_max").asInt(),
                histogram(doc.get("depths"), TraceTotals.DEPTH_BINS), doc.get("stall_micros").asLong(),
                histogram(doc.get("stall_percent"), TraceTotals.STALL_BINS));
    }

    private static List<Long> trimmed(CountHistogram histogram) {
        List<Long> bins = new ArrayList<>(histogram.bins());
        while (!bins.isEmpty() && bins.getLast() == 0) {
            bins.removeLast();
        }
        return bins;
    }

    private static CountHistogram histogram(JsonNode value, int size) {
        List<Long> bins = new ArrayList<>();
        value.forEach(bin -> bins.add(bin.asLong()));
        while (bins.size() < size) {
            bins.add(0L);
        }
        return CountHistogram.of(bins);
    }

    private static Map<String, BigDecimal> decimals(JsonNode value) {
        Map<String, BigDecimal> out = new HashMap<>();
        value.properties().forEach(e -> out.put(e.getKey(), e.getValue().decimalValue()));
        return out;
    }
}
