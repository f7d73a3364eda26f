package io.olyx.domain.gateway;

import io.olyx.domain.routing.Tier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Complexity routing for a gateway: the model for low-, medium- and high-complexity requests (registry
 * identifiers), the simple, medium and complex routing tiers of its calls, and the reasoning effort each of those
 * models is asked with when one is set for it.
 */
public record ModelRouting(String low, String medium, String high, Map<Tier, String> reasoningEffort) {
    public ModelRouting {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(high, "high");
        reasoningEffort = Map.copyOf(reasoningEffort);
    }

    static Optional<ModelRouting> read(JsonFields p) {
        if (p.object("modelRoutingParameters").isEmpty()) {
            return Optional.empty();
        }
        JsonFields r = p.child("modelRoutingParameters");
        Map<Tier, String> efforts = new EnumMap<>(Tier.class);
        r.reasoningEffort("lowComplexityModelReasoningEffort").ifPresent(e -> efforts.put(Tier.SIMPLE, e));
        r.reasoningEffort("mediumComplexityModelReasoningEffort").ifPresent(e -> efforts.put(Tier.MEDIUM, e));
        r.reasoningEffort("highComplexityModelReasoningEffort").ifPresent(e -> efforts.put(Tier.COMPLEX, e));
        return Optional.of(new ModelRouting(r.requireText("lowComplexityModelName"),
                r.requireText("mediumComplexityModelName"), r.requireText("highComplexityModelName"), efforts));
    }
}
