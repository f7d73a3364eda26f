package io.olyx.domain.llm;

import java.util.List;

/** The outcome of reading user-supplied tool definitions: usable definitions, or what is wrong and where. */
public sealed interface ToolNormalization {

    record Normalized(List<ToolDefinition> tools) implements ToolNormalization {
        public Normalized {
            tools = List.copyOf(tools);
        }
    }

    /** {@code path} points into the request, e.g. {@code tools[1].function.name}; the message is for the API user. */
    record Rejected(String path, String message) implements ToolNormalization {
    }
}
