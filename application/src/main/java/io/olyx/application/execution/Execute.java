package io.olyx.application.execution;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST /api/v1/executions and POST /api/v1/runs: one prompt, routed by the project (executions) or sent to a named
 * model (runs), with seed 001's tool-call loop: a call carrying tool_results and the asking step's id continues the
 * conversation the trace recorded.
 */
public final class Execute {
    private final ModelCallPipeline pipeline;
    private final ToolLoop toolLoop;

    public Execute(ModelCallPipeline pipeline, ToolLoop toolLoop) {
        this.pipeline = pipeline;
        this.toolLoop = toolLoop;
    }

    public Outcome execute(Command command, KeyCaller caller, Optional<StreamSink> sink) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(command.input()));
        List<ToolDefinition> tools = command.tools();
        Optional<ToolLoop.Continuation.Resumed> continued = Optional.empty();
        if (!command.toolResults().isEmpty()) {
            if (command.parentStepId().isEmpty()) {
                return new Outcome.InvalidToolResults("parent_step_id is required with tool_results");
            }
            ToolLoop.Continuation continuation = toolLoop.resume(caller, command.traceId(),
                    command.parentStepId().get(), command.toolResults());
            switch (continuation) {
                case ToolLoop.Continuation.Invalid invalid -> {
                    return new Outcome.InvalidToolResults(invalid.message());
                }
                case ToolLoop.Continuation.TraceNotOpen closed -> {
                    return new Outcome.Ran(closed.status().<PipelineResult>map(PipelineResult.TraceClosed::new)
                            .orElseGet(PipelineResult.TraceNotFound::new));
                }
                case ToolLoop.Continuation.AlreadyAnswered answered -> {
                    return new Outcome.ToolCallAlreadyAnswered(answered.message());
                }
                case ToolLoop.Continuation.Resumed resumed -> {
                    continued = Optional.of(resumed);
                    messages.addAll(resumed.history());
                    if (tools.isEmpty()) {
                        tools = resumed.declaredTools();
                    }
                }
            }
        }
        ModelRequest request = new ModelRequest(caller, Optional.of(command.traceId()), command.parentStepId(),
                messages, tools, new ToolChoice.Auto(), command.options(),
                command.model().<ModelSelection>map(ModelSelection.Explicit::new).orElseGet(ModelSelection.Routed::new),
                false, command.endpoint(), Map.of(), Map.of());
        PipelineResult result = null;
        try {
            result = sink.isPresent() ? pipeline.stream(request, sink.get()) : pipeline.call(request);
            return new Outcome.Ran(result);
        } finally {
            if (continued.isPresent()) {
                toolLoop.end(continued.get(), decidedOn(result));
            }
        }
    }

    /**
     * Whether the call came to an end that consumed the tool answers: a model answered them, or a guardrail blocked
     * the conversation holding them (both recorded as a step after them). Any other end (rate or spend limit,
     * failed providers, trace ended meanwhile, an exception) leaves a caller nothing but to send them again.
     */
    private static boolean decidedOn(PipelineResult result) {
        return result instanceof PipelineResult.Answered || result instanceof PipelineResult.Blocked;
    }

    /** @param model empty for executions (routing decides), the registry identifier for runs */
    public record Command(TraceId traceId, String input, List<ToolDefinition> tools, List<ToolResult> toolResults,
                          Optional<StepId> parentStepId, Optional<String> model, ChatOptions options,
                          String endpoint) {
        public Command {
            tools = List.copyOf(tools);
            toolResults = List.copyOf(toolResults);
        }
    }

    public sealed interface Outcome {
        record Ran(PipelineResult result) implements Outcome {
        }

        record InvalidToolResults(String message) implements Outcome {
        }

        record ToolCallAlreadyAnswered(String message) implements Outcome {
        }
    }
}
