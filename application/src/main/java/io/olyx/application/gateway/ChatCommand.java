package io.olyx.application.gateway;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A POST /v1/chat/completions request: {@code model} is a gateway (id or slug) or a registered model identifier;
 * {@code options} holds only what the request set (the gateway's values fill the rest); {@code externalUserId}
 * identifies the caller's end user, which turns on memories; {@code traceId} is the caller's own pending trace the
 * call's steps join (left open for the caller to complete), else the call gets a trace of its own.
 */
public record ChatCommand(String model, List<ChatMessage> messages, List<ToolDefinition> tools, ToolChoice toolChoice,
                          ChatOptions options, Map<String, Object> metadata, Optional<String> externalUserId,
                          Optional<TraceId> traceId) {
    public ChatCommand {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(options, "options");
        metadata = JsonValues.freezeObject(metadata);
        externalUserId = externalUserId == null ? Optional.empty() : externalUserId.filter(u -> !u.isBlank());
        Objects.requireNonNull(traceId, "traceId");
    }
}
