package io.olyx.domain.llm;

import io.olyx.domain.common.InvalidInput;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One turn of a conversation. Assistant turns may carry tool calls (with or without text); tool turns carry the
 * result of one call and the id of the call they answer. Content is plain text; an absent content is "".
 */
public record ChatMessage(ChatRole role, String content, List<ToolCall> toolCalls, Optional<String> toolCallId) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        toolCallId = toolCallId == null ? Optional.empty() : toolCallId;
        if (!toolCalls.isEmpty() && role != ChatRole.ASSISTANT) {
            throw new InvalidInput("request", "only assistant messages carry tool calls");
        }
        if (role == ChatRole.TOOL && toolCallId.filter(id -> !id.isBlank()).isEmpty()) {
            throw new InvalidInput("request", "a tool message needs the id of the call it answers");
        }
        if (role != ChatRole.TOOL && toolCallId.isPresent()) {
            throw new InvalidInput("request", "only tool messages carry a tool_call_id");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(ChatRole.SYSTEM, content, List.of(), Optional.empty());
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content, List.of(), Optional.empty());
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content, List.of(), Optional.empty());
    }

    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(ChatRole.ASSISTANT, content, toolCalls, Optional.empty());
    }

    public static ChatMessage toolResult(String toolCallId, String content) {
        return new ChatMessage(ChatRole.TOOL, content, List.of(), Optional.of(toolCallId));
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
