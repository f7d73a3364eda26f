package io.olyx.domain.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * Complexity routing for a gateway: the model for low-, medium- and high-complexity requests (registry
 * identifiers), the simple, medium and complex routing tiers of its calls. The reasoning-effort levels are stored
 * but not applied.
 */
public record ModelRouting(String low, String medium, String high) {
    public ModelRouting {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(high, "high");
    }

    static Optional<ModelRouting> read(JsonFields p) {
        if (p.object("modelRoutingParameters").isEmpty()) {
            return Optional.empty();
        }
        JsonFields r = p.child("modelRoutingParameters");
        return Optional.of(new ModelRouting(r.requireText("lowComplexityModelName"),
                r.requireText("mediumComplexityModelName"), r.requireText("highComplexityModelName")));
    }
}
