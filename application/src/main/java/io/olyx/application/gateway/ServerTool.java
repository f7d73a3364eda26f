package io.olyx.application.gateway;

import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import java.util.Map;
import java.util.Objects;

/**
 * A tool Olyx runs itself during a gateway call, instead of handing the call to the client. Whatever happens, it
 * answers with text for the model: a failure is reported to the model (which can retry or explain), never thrown.
 */
interface ServerTool {
    ToolDefinition definition();

    Run run(ToolCall call);

    /** @param details facts for the tool_call step (HTTP status, error), never shown to the model */
    record Run(String content, boolean succeeded, Map<String, Object> details) {
        public Run {
            Objects.requireNonNull(content, "content");
            details = Map.copyOf(details);
        }

        static Run ok(String content) {
            return new Run(content, true, Map.of());
        }

        static Run failed(String message, Map<String, Object> details) {
            return new Run("Error: " + message, false, details);
        }
    }
}
