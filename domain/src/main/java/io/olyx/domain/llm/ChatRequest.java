package io.olyx.domain.llm;

import io.olyx.domain.common.InvalidInput;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to ask a chat model, independent of which model answers: the model itself is the {@link ModelEndpoint}'s,
 * so the same request can follow a fallback path across providers unchanged.
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolDefinition> tools, ToolChoice toolChoice,
                          ChatOptions options) {

    public ChatRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        tools = List.copyOf(tools == null ? List.of() : tools);
        toolChoice = toolChoice == null ? ToolChoice.AUTO : toolChoice;
        options = options == null ? ChatOptions.DEFAULTS : options;
        InvalidInput.require(!messages.isEmpty(), "messages", "a chat request needs at least one message");
        Set<String> names = new HashSet<>();
        for (ToolDefinition tool : tools) {
            InvalidInput.require(names.add(tool.name()), "tools", "tool '" + tool.name() + "' is defined twice");
        }
        if (toolChoice instanceof ToolChoice.Named named) {
            InvalidInput.require(names.contains(named.name()), "tool_choice",
                    "tool_choice names a tool the request does not define: " + named.name());
        }
    }

    public static ChatRequest of(List<ChatMessage> messages) {
        return new ChatRequest(messages, List.of(), ToolChoice.AUTO, ChatOptions.DEFAULTS);
    }

    public static ChatRequest ofUser(String prompt) {
        return of(List.of(ChatMessage.user(prompt)));
    }

    public ChatRequest withTools(List<ToolDefinition> newTools, ToolChoice choice) {
        return new ChatRequest(messages, newTools, choice, options);
    }

    public ChatRequest withOptions(ChatOptions newOptions) {
        return new ChatRequest(messages, tools, toolChoice, newOptions);
    }

    public ChatRequest withMessages(List<ChatMessage> newMessages) {
        return new ChatRequest(newMessages, tools, toolChoice, options);
    }

    public boolean hasTools() {
        return !tools.isEmpty();
    }
}
