package io.olyx.domain.llm;

import java.util.Objects;
import java.util.Optional;

/**
 * What a streaming chat call reports as the provider's bytes arrive, in order: text and tool-call deltas as they
 * come, each tool call once more when it is complete, and one {@link Completed} at the very end.
 */
public sealed interface StreamEvent {

    record TextDelta(String text) implements StreamEvent {
        public TextDelta {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A piece of the {@code index}-th tool call of this answer. The first piece of a call carries its id and name;
     * later pieces carry only more argument text, to be appended (OpenAI's chunk format maps one to one).
     */
    record ToolCallDelta(int index, Optional<String> id, Optional<String> name, String argumentsFragment)
            implements StreamEvent {
        public ToolCallDelta {
            if (index < 0) {
                throw new IllegalArgumentException("index cannot be negative");
            }
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            argumentsFragment = argumentsFragment == null ? "" : argumentsFragment;
        }
    }

    /** The {@code index}-th tool call, fully assembled. */
    record ToolCallCompleted(int index, ToolCall call) implements StreamEvent {
        public ToolCallCompleted {
            Objects.requireNonNull(call, "call");
        }
    }

    /** The last event of a stream that ran to its end: why it stopped, the final usage and the reported model. */
    record Completed(FinishReason finishReason, TokenUsage usage, String model) implements StreamEvent {
        public Completed {
            Objects.requireNonNull(finishReason, "finishReason");
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(model, "model");
        }
    }
}
