package io.olyx.application.replay;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds what a recorded run step sent to its model from the step's stored input, which the pipeline writes as
 * the prompt text (one user message) or as {role, content} messages (see pipeline.Telemetry), and from the tools
 * its details declare. Tool calls were stored without their arguments, so replayed assistant turns carry "{}".
 */
final class ReplayInput {
    private ReplayInput() {
    }

    /** What a step kept of its prompt, as far as replaying it goes. */
    sealed interface Prompt {
        record Messages(List<ChatMessage> messages) implements Prompt {
        }

        /** Anonymized telemetry keeps a hash and a size instead of the text. */
        record Anonymized() implements Prompt {
        }

        /** No payload at all: retention cleared it (the pipeline always stores one, if only a hash). */
        record Cleared() implements Prompt {
        }

        /** A payload that is not a prompt the pipeline writes (an embedding's inputs, say): nothing to re-send. */
        record Unreadable() implements Prompt {
        }
    }

    static Prompt prompt(Object recorded) {
        if (recorded == null) {
            return new Prompt.Cleared();
        }
        // An empty prompt is still the prompt that was sent (and answered), so it is replayed as it was.
        if (recorded instanceof String text) {
            return new Prompt.Messages(List.of(ChatMessage.user(text)));
        }
        if (recorded instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("anonymized"))) {
            return new Prompt.Anonymized();
        }
        if (recorded instanceof List<?> list) {
            List<ChatMessage> messages = new ArrayList<>();
            list.forEach(item -> message(item).ifPresent(messages::add));
            if (!messages.isEmpty()) {
                return new Prompt.Messages(messages);
            }
        }
        return new Prompt.Unreadable();
    }

    /** The sampling options and response format the source step was asked with (defaults when it kept none). */
    static ChatOptions options(Map<String, Object> details) {
        return details.get("options") instanceof Map<?, ?> options ? ChatOptions.fromWire(options)
                : ChatOptions.DEFAULTS;
    }

    static List<ToolDefinition> tools(Map<String, Object> details) {
        if (!(details.get("tools") instanceof List<?> declared)) {
            return List.of();
        }
        List<ToolDefinition> tools = new ArrayList<>();
        for (Object item : declared) {
            if (item instanceof Map<?, ?> tool && tool.get("name") instanceof String name
                    && tool.get("parameters") instanceof Map<?, ?> parameters) {
                tools.add(new ToolDefinition(name, tool.get("description") instanceof String d ? d : "",
                        stringKeyed(parameters)));
            }
        }
        return tools;
    }

    private static Optional<ChatMessage> message(Object item) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("role") instanceof String wire)) {
            return Optional.empty();
        }
        Optional<ChatRole> role = Arrays.stream(ChatRole.values()).filter(r -> r.wire().equals(wire)).findFirst();
        String content = m.get("content") instanceof String s ? s : "";
        if (role.isEmpty()) {
            return Optional.empty();
        }
        return switch (role.get()) {
            case SYSTEM -> Optional.of(ChatMessage.system(content));
            case USER -> Optional.of(ChatMessage.user(content));
            case ASSISTANT -> Optional.of(ChatMessage.assistant(content, toolCalls(m.get("tool_calls"))));
            case TOOL -> m.get("tool_call_id") instanceof String id && !id.isBlank()
                    ? Optional.of(ChatMessage.toolResult(id, content)) : Optional.empty();
        };
    }

    private static List<ToolCall> toolCalls(Object recorded) {
        if (!(recorded instanceof List<?> calls)) {
            return List.of();
        }
        List<ToolCall> out = new ArrayList<>();
        for (Object call : calls) {
            if (call instanceof Map<?, ?> c && c.get("id") instanceof String id && c.get("name") instanceof String name
                    && !id.isBlank() && !name.isBlank()) {
                out.add(ToolCall.fromJson(id, name, "{}"));
            }
        }
        return out;
    }

    /** Stored step details are frozen JSON, whose objects are string-keyed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeyed(Map<?, ?> json) {
        return (Map<String, Object>) json;
    }
}
