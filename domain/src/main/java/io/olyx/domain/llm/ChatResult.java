package io.olyx.domain.llm;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer: its text (possibly empty when it only calls tools), the tool calls it asked for, why it
 * stopped, what it cost in tokens, and the model name as the provider reported it (which may be more specific
 * than the one asked for, e.g. a dated snapshot).
 */
public record ChatResult(String text, List<ToolCall> toolCalls, FinishReason finishReason, TokenUsage usage,
                         String model) {

    public ChatResult {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls == null ? List.of() : toolCalls);
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }

    /** True when a stream was cut short by its consumer; text and usage are then partial and estimated. */
    public boolean cancelled() {
        return finishReason == FinishReason.CANCELLED;
    }
}
