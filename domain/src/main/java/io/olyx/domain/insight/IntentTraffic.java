package io.olyx.domain.insight;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The observed traces of one intent, per model. */
record IntentTraffic(String intent, Map<String, List<TraceObservation>> byModel) {

    /** Every intent's traffic, in intent order. */
    static List<IntentTraffic> of(List<TraceObservation> observations) {
        Map<String, Map<String, List<TraceObservation>>> grouped = new TreeMap<>();
        observations.forEach(o -> grouped.computeIfAbsent(o.intent(), i -> new TreeMap<>())
                .computeIfAbsent(o.model(), m -> new ArrayList<>()).add(o));
        return grouped.entrySet().stream().map(e -> new IntentTraffic(e.getKey(), e.getValue())).toList();
    }

    List<TraceObservation> all() {
        return byModel.values().stream().flatMap(List::stream).toList();
    }

    /** The model carrying most of the intent's traces (ties: the costlier, then first by name). */
    String currentModel() {
        return byModel.entrySet().stream().max(Comparator
                        .comparingInt((Map.Entry<String, List<TraceObservation>> e) -> e.getValue().size())
                        .thenComparing(e -> cost(e.getValue()))
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElseThrow();
    }

    List<TraceObservation> on(String model) {
        return byModel.getOrDefault(model, List.of());
    }

    static BigDecimal cost(List<TraceObservation> observations) {
        return observations.stream().map(TraceObservation::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static double meanGradeScore(List<TraceObservation> observations) {
        return observations.stream().mapToInt(TraceObservation::gradeScore).average().orElse(0);
    }

    static List<Double> ratings(List<TraceObservation> observations) {
        return observations.stream().map(TraceObservation::userRating).flatMap(Optional::stream).toList();
    }
}
