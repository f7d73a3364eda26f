package io.olyx.application.pipeline;

import io.olyx.domain.llm.ChatOptions;
import java.util.Map;
import java.util.Optional;

/** Who picks the model: the project's routing (executions, chat completions without a model) or the caller. */
public sealed interface ModelSelection {
    /**
     * The project's routing picks the model. {@code reasoningEffortByTier} (tier wire name to level) is the
     * reasoning effort a call routed to that tier is made with: an AI gateway's per-tier levels.
     */
    record Routed(Map<String, String> reasoningEffortByTier) implements ModelSelection {
        public Routed {
            reasoningEffortByTier = Map.copyOf(reasoningEffortByTier);
        }

        public Routed() {
            this(Map.of());
        }

        /** The options a call routed to {@code tier} is made with. */
        ChatOptions optionsFor(Optional<String> tier, ChatOptions options) {
            return tier.map(reasoningEffortByTier::get).map(options::withReasoningEffort).orElse(options);
        }
    }

    record Explicit(String identifier) implements ModelSelection {
    }
}
