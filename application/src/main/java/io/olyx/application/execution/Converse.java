package io.olyx.application.execution;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations sent whole on every call: the OpenAI-compatible chat completions (PII redacted before any provider
 * sees it, model optional) and seed 001's audited assistants (each turn numbered by the conversation it carries).
 */
public final class Converse {
    public static final String ASSISTANTS = "assistants";

    private final ModelCallPipeline pipeline;

    public Converse(ModelCallPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public PipelineResult chat(Command command, KeyCaller caller, Optional<StreamSink> sink) {
        ModelRequest request = request(command, caller, true, Map.of());
        return sink.isPresent() ? pipeline.stream(request, sink.get()) : pipeline.call(request);
    }

    /**
     * An assistants turn, recorded with its thread_turn. The client sends the whole history every turn, so the turn
     * is the number of user messages in it (seed 001: turn 1 is the first user message, turn 2 the follow-up). A
     * retried turn therefore keeps its number, and no step has to be read to find it. A history without a user
     * message (a system prompt alone) comes before turn 1, so it is turn 0.
     */
    public Turn assistantTurn(Command command, KeyCaller caller) {
        int turn = (int) command.messages().stream().filter(m -> m.role() == ChatRole.USER).count();
        return new Turn(pipeline.call(request(command, caller, false, Map.of("thread_turn", turn))), turn);
    }

    private static ModelRequest request(Command c, KeyCaller caller, boolean redactPii, Map<String, Object> details) {
        return new ModelRequest(caller, c.traceId(), c.parentStepId(), c.messages(), c.tools(), c.toolChoice(),
                c.options(), c.model().<ModelSelection>map(ModelSelection.Explicit::new)
                .orElseGet(ModelSelection.Routed::new), redactPii, c.endpoint(), details, c.metadata());
    }

    public record Command(Optional<TraceId> traceId, Optional<StepId> parentStepId, List<ChatMessage> messages,
                          List<ToolDefinition> tools, ToolChoice toolChoice, ChatOptions options,
                          Optional<String> model, Map<String, Object> metadata, String endpoint) {
        public Command {
            messages = List.copyOf(messages);
            tools = List.copyOf(tools);
        }
    }

    public record Turn(PipelineResult result, int threadTurn) {
    }
}
