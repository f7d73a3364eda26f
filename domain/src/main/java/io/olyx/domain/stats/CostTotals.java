package io.olyx.domain.stats;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Exact run-step spend, in total and split by model and by infrastructure; merging adds. */
public record CostTotals(BigDecimal total, Map<String, BigDecimal> byModel, Map<String, BigDecimal> byInfrastructure) {
    public CostTotals {
        Objects.requireNonNull(total, "total");
        byModel = Map.copyOf(byModel);
        byInfrastructure = Map.copyOf(byInfrastructure);
    }

    public static CostTotals empty() {
        return new CostTotals(BigDecimal.ZERO, Map.of(), Map.of());
    }

    public CostTotals merge(CostTotals other) {
        return new CostTotals(total.add(other.total), sum(byModel, other.byModel),
                sum(byInfrastructure, other.byInfrastructure));
    }

    static Map<String, BigDecimal> sum(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Map<String, BigDecimal> out = new TreeMap<>(a);
        b.forEach((key, value) -> out.merge(key, value, BigDecimal::add));
        return out;
    }
}
