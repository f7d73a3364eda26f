package io.olyx.domain.llm;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.InvalidInput;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool the model may call: a name, a description for the model, and a JSON schema (type object) for its
 * arguments. Build from user input through {@link ToolNormalizer}, which turns bad input into a readable rejection.
 */
public record ToolDefinition(String name, String description, Map<String, Object> parameters) {
    /** The strictest rule among the providers (OpenAI and Anthropic), so a definition works everywhere. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ToolDefinition {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInput("request", "tool name must match " + NAME.pattern() + ": " + name);
        }
        description = description == null ? "" : description;
        parameters = JsonValues.freezeObject(Objects.requireNonNull(parameters, "parameters"));
        if (!"object".equals(parameters.get("type"))) {
            throw new InvalidInput("request", "tool parameters must be a JSON schema of type object");
        }
    }

    public static ToolDefinition withoutParameters(String name, String description) {
        return new ToolDefinition(name, description, Map.of("type", "object", "properties", Map.of()));
    }
}
