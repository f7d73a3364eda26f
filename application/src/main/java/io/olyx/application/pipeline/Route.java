package io.olyx.application.pipeline;

import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.routing.RoutingDecision;
import java.util.List;
import java.util.Optional;

/** Where a request goes: a model and its fallback path, or why it goes nowhere. */
public sealed interface Route {
    /** {@code path} starts with the primary model, then its fallback chain. */
    record Resolved(Optional<RoutingDecision> decision, Optional<String> tier, List<ModelDefinition> path)
            implements Route {
        public Resolved {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a resolved route needs a model");
            }
        }

        public ModelDefinition primary() {
            return path.get(0);
        }
    }

    /** Sensitive content and no private model to take it. */
    record Blocked(String tier, String reason) implements Route {
    }

    record Unconfigured(String tier, String reason) implements Route {
    }

    record UnknownModel(String identifier) implements Route {
    }
}
