package io.olyx.application.pipeline;

import io.olyx.application.access.KeyCaller;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call as every endpoint hands it to the pipeline. Without a trace id the pipeline opens a trace for the
 * call and completes it afterwards, so calls from plain OpenAI clients are traced too.
 *
 * @param endpoint    which API surface made the call ("executions", "chat.completions", ...), recorded on the step
 * @param redactPii   replace detected PII before the provider sees it (chat completions) instead of routing the
 *                    request to the secure tier (executions)
 * @param stepDetails extra facts the endpoint wants on the step (thread_turn, request metadata)
 * @param traceMetadata metadata for the trace the pipeline opens when no trace id was given
 */
public record ModelRequest(KeyCaller caller, Optional<TraceId> traceId, Optional<StepId> parentStepId,
                           List<ChatMessage> messages, List<ToolDefinition> tools, ToolChoice toolChoice,
                           ChatOptions options, ModelSelection selection, boolean redactPii, String endpoint,
                           Map<String, Object> stepDetails, Map<String, Object> traceMetadata) {
    public ModelRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(parentStepId, "parentStepId");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(endpoint, "endpoint");
        stepDetails = JsonValues.freezeObject(stepDetails == null ? Map.of() : stepDetails);
        traceMetadata = JsonValues.freezeObject(traceMetadata == null ? Map.of() : traceMetadata);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model call needs at least one message");
        }
    }

    /** This request with other options; itself when they are the same, as they are for most routed calls. */
    public ModelRequest withOptions(ChatOptions newOptions) {
        return newOptions.equals(options) ? this : new ModelRequest(caller, traceId, parentStepId, messages, tools,
                toolChoice, newOptions, selection, redactPii, endpoint, stepDetails, traceMetadata);
    }
}
