package io.olyx.domain.grading;

import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.CanonicalJson;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the tool side of a run step from its details: {@code tool_calls} (what the model asked for: id, name,
 * arguments) and {@code tools} (what the caller declared). Declarations are accepted in the normalised
 * {name, parameters} form and, defensively, in OpenAI's {type, function:{name, parameters}} and MCP's
 * {name, inputSchema} forms.
 */
public final class ToolCalls {
    private ToolCalls() {
    }

    public record RequestedCall(String id, String name, Object arguments) {
        public RequestedCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }

        /** Same tool with the same arguments, however the arguments were ordered or formatted. */
        public String signature() {
            return name + CanonicalJson.byValue(arguments);
        }
    }

    public record DeclaredTool(String name, Optional<Map<String, Object>> parameters) {
        public DeclaredTool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parameters, "parameters");
        }
    }

    public static List<RequestedCall> requested(Step step) {
        List<RequestedCall> calls = new ArrayList<>();
        if (step.type() != StepType.RUN || !(step.details().get("tool_calls") instanceof List<?> list)) {
            return calls;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> raw) {
                Map<String, Object> call = object(raw);
                Map<String, Object> function = JsonValues.object(call, "function").orElse(call);
                Optional<String> name = JsonValues.string(call, "name").or(() -> JsonValues.string(function, "name"));
                Object arguments = call.containsKey("arguments") ? call.get("arguments") : function.get("arguments");
                name.ifPresent(n -> calls.add(new RequestedCall(JsonValues.string(call, "id").orElse(""), n,
                        arguments == null ? Map.of() : arguments)));
            }
        }
        return calls;
    }

    public static Map<String, DeclaredTool> declared(Step step) {
        Map<String, DeclaredTool> tools = new LinkedHashMap<>();
        if (!(step.details().get("tools") instanceof List<?> list)) {
            return tools;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> raw) {
                Map<String, Object> tool = object(raw);
                Map<String, Object> function = JsonValues.object(tool, "function").orElse(tool);
                JsonValues.string(function, "name").ifPresent(name -> tools.putIfAbsent(name,
                        new DeclaredTool(name, schemaOf(function))));
            }
        }
        return tools;
    }

    /** The model asked the caller to run tools: it listed tool calls, or the step ended waiting on them. */
    public static boolean asksForTools(Step step) {
        return step.type() == StepType.RUN
                && (step.outcome() == StepOutcome.TOOL_CALLS_PENDING || nonEmptyList(step, "tool_calls"));
    }

    /** A run step of an agent: it declared tools or asked for them. */
    public static boolean isAgentStep(Step step) {
        return asksForTools(step) || step.type() == StepType.RUN && nonEmptyList(step, "tools");
    }

    private static boolean nonEmptyList(Step step, String key) {
        return step.details().get(key) instanceof List<?> list && !list.isEmpty();
    }

    /** Step details are already frozen JSON (see {@link Step}), so nested objects are string-keyed maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<?, ?> frozen) {
        return (Map<String, Object>) frozen;
    }

    private static Optional<Map<String, Object>> schemaOf(Map<String, Object> function) {
        return JsonValues.object(function, "parameters")
                .or(() -> JsonValues.object(function, "inputSchema"))
                .or(() -> JsonValues.object(function, "input_schema"));
    }
}
