package io.olyx.adapter.http.execution;

import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.llm.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAI chat.completion object, plus Olyx's trace_id, step_id and provider so a client can find the step. */
public final class OpenAiJson {
    private OpenAiJson() {
    }

    static String completionId(PipelineResult.Answered answered) {
        return "chatcmpl-" + answered.step().id().value();
    }

    public static Map<String, Object> completion(PipelineResult.Answered answered) {
        ChatResult result = answered.result();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", result.text().isEmpty() && result.hasToolCalls() ? null : result.text());
        message.put("refusal", null);
        if (result.hasToolCalls()) {
            message.put("tool_calls", result.toolCalls().stream().map(OpenAiJson::toolCall).toList());
        }
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("logprobs", null);
        choice.put("finish_reason", result.finishReason().wire());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", completionId(answered));
        json.put("object", "chat.completion");
        json.put("created", answered.step().createdAt().getEpochSecond());
        json.put("model", answered.model().identifier());
        json.put("choices", List.of(choice));
        json.put("usage", usage(result.usage()));
        json.put("trace_id", answered.trace().id().toString());
        json.put("step_id", answered.step().id().value());
        json.put("provider", answered.model().provider().wire());
        return json;
    }

    static Map<String, Object> toolCall(ToolCall call) {
        return Map.of("id", call.id(), "type", "function",
                "function", Map.of("name", call.name(), "arguments", call.argumentsJson()));
    }

    public static Map<String, Object> usage(TokenUsage usage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("prompt_tokens", usage.promptTokens());
        json.put("completion_tokens", usage.completionTokens());
        json.put("total_tokens", usage.totalTokens());
        json.put("prompt_tokens_details", Map.of("cached_tokens", usage.cachedPromptTokens()));
        json.put("estimated", usage.estimated());
        return json;
    }
}
