package io.olyx.domain.llm;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.InvalidInput;
import java.util.Map;
import java.util.Objects;

/**
 * A model's request to run one tool. {@code argumentsJson} is the text exactly as the model produced it (it may be
 * invalid JSON: models hallucinate); {@code arguments} is its parsed object, empty when it did not parse. Build
 * with {@link #fromJson} or {@link #of} so the two stay consistent.
 */
public record ToolCall(String id, String name, String argumentsJson, Map<String, Object> arguments) {

    public ToolCall {
        requireText(id, "id");
        requireText(name, "name");
        argumentsJson = argumentsJson == null ? "" : argumentsJson;
        arguments = JsonValues.freezeObject(Objects.requireNonNull(arguments, "arguments"));
    }

    /** From the model's raw argument text; blank text means "no arguments" ({}). */
    public static ToolCall fromJson(String id, String name, String argumentsJson) {
        String raw = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
        return new ToolCall(id, name, raw, JsonText.parseObject(raw).orElse(Map.of()));
    }

    /** From already structured arguments, e.g. Anthropic's tool_use input or Gemini's functionCall args. */
    public static ToolCall of(String id, String name, Map<String, Object> arguments) {
        return new ToolCall(id, name, JsonText.write(arguments), arguments);
    }

    /** Whether the model's argument text is a JSON object; the grader's tool fidelity needs to know. */
    public boolean argumentsValid() {
        return JsonText.parseObject(argumentsJson).isPresent();
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("request", "tool call " + field + " is required");
        }
    }
}
