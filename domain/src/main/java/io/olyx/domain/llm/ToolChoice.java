package io.olyx.domain.llm;

import java.util.Map;
import java.util.Optional;

/** Whether and which tool the model must call; each provider has its own spelling of these four. */
public sealed interface ToolChoice {
    record Auto() implements ToolChoice {
    }

    record None() implements ToolChoice {
    }

    /** The model must call some tool. */
    record Required() implements ToolChoice {
    }

    /** The model must call this tool. */
    record Named(String name) implements ToolChoice {
        public Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("tool choice needs a tool name");
            }
        }
    }

    ToolChoice AUTO = new Auto();
    ToolChoice NONE = new None();
    ToolChoice REQUIRED = new Required();

    /**
     * Reads the OpenAI spelling: "auto" | "none" | "required" | {"type":"function","function":{"name":...}};
     * Anthropic's "any" and {"type":"tool","name":...} are accepted too. Empty when it is none of these.
     */
    static Optional<ToolChoice> parse(Object value) {
        if (value == null) {
            return Optional.of(AUTO);
        }
        if (value instanceof String s) {
            return switch (s) {
                case "auto" -> Optional.of(AUTO);
                case "none" -> Optional.of(NONE);
                case "required", "any" -> Optional.of(REQUIRED);
                default -> Optional.empty();
            };
        }
        if (value instanceof Map<?, ?> map) {
            Object function = map.get("function");
            Object name = function instanceof Map<?, ?> f ? f.get("name") : map.get("name");
            if (name instanceof String n && !n.isBlank()) {
                return Optional.of(new Named(n));
            }
            return map.get("type") instanceof String type && !"function".equals(type) && !"tool".equals(type)
                    ? parse(type) : Optional.empty();
        }
        return Optional.empty();
    }
}
