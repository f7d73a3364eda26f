package io.olyx.application.pipeline;

/** Who picks the model: the project's routing (executions, chat completions without a model) or the caller. */
public sealed interface ModelSelection {
    record Routed() implements ModelSelection {
    }

    record Explicit(String identifier) implements ModelSelection {
    }
}
