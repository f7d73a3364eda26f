package io.olyx.application.execution;

import java.util.Objects;

/** The caller's answer to one tool call the model asked for. */
public record ToolResult(String toolCallId, String content) {
    public ToolResult {
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(content, "content");
    }
}
