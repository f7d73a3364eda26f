package io.olyx.adapter.http.execution;

import io.olyx.adapter.http.ApiError;
import io.olyx.adapter.http.JsonBody;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.llm.ToolNormalization;
import io.olyx.domain.llm.ToolNormalizer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the OpenAI request vocabulary (messages, tools, tool_choice, sampling options) into domain values. */
public final class ChatInput {
    static final int MAX_MESSAGES = 1000;

    private ChatInput() {
    }

    public static List<ChatMessage> messages(JsonBody body) {
        List<Object> raw = body.array("messages").orElseThrow(() -> ApiError.invalid("messages is required"));
        if (raw.isEmpty() || raw.size() > MAX_MESSAGES) {
            throw ApiError.invalid("messages must hold 1 to " + MAX_MESSAGES + " messages");
        }
        List<ChatMessage> messages = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            messages.add(message(raw.get(i), "messages[" + i + "]"));
        }
        return messages;
    }

    private static ChatMessage message(Object raw, String path) {
        if (!(raw instanceof Map<?, ?> map)) {
            throw ApiError.invalid(path + " must be an object");
        }
        String role = map.get("role") instanceof String r ? r : "";
        String content = content(map.get("content"), path);
        return switch (role) {
            case "system", "developer" -> ChatMessage.system(content);
            case "user" -> ChatMessage.user(content);
            case "assistant" -> ChatMessage.assistant(content, toolCalls(map.get("tool_calls"), path));
            case "tool" -> {
                if (!(map.get("tool_call_id") instanceof String id) || id.isBlank()) {
                    throw ApiError.invalid(path + ".tool_call_id is required for tool messages");
                }
                yield ChatMessage.toolResult(id, content);
            }
            default -> throw ApiError.invalid(path + ".role must be system, user, assistant or tool");
        };
    }

    /** A string, null, or OpenAI content parts of which the text parts are kept. */
    private static String content(Object content, String path) {
        if (content == null) {
            return "";
        }
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof List<?> parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
                    text.append(text.isEmpty() ? "" : "\n").append(t);
                }
            }
            return text.toString();
        }
        throw ApiError.invalid(path + ".content must be a string or an array of content parts");
    }

    private static List<ToolCall> toolCalls(Object raw, String path) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw ApiError.invalid(path + ".tool_calls must be an array");
        }
        List<ToolCall> calls = new ArrayList<>();
        for (Object item : list) {
            if (item instanceof Map<?, ?> call && call.get("id") instanceof String id
                    && call.get("function") instanceof Map<?, ?> f && f.get("name") instanceof String name) {
                calls.add(ToolCall.fromJson(id, name, f.get("arguments") instanceof String a ? a : "{}"));
            } else {
                throw ApiError.invalid(path + ".tool_calls entries need id and function.name");
            }
        }
        return calls;
    }

    public static List<ToolDefinition> tools(JsonBody body) {
        Optional<Object> raw = body.value("tools");
        if (raw.isEmpty()) {
            return List.of();
        }
        return switch (ToolNormalizer.normalize(raw.get())) {
            case ToolNormalization.Normalized normalized -> normalized.tools();
            case ToolNormalization.Rejected rejected ->
                    throw ApiError.of(422, "invalid_tools", rejected.path() + ": " + rejected.message());
        };
    }

    public static ToolChoice toolChoice(JsonBody body) {
        return ToolChoice.parse(body.value("tool_choice").orElse(null)).orElseThrow(() ->
                ApiError.invalid("tool_choice must be auto, none, required or a named function"));
    }

    public static ChatOptions options(JsonBody body) {
        // one choice per call and no log-probabilities: a request for either is refused, not answered short
        if (body.integer("n").filter(n -> n != 1).isPresent()) {
            throw ApiError.invalid("n must be 1: Olyx answers with one choice per call");
        }
        if (body.bool("logprobs").orElse(false)) {
            throw ApiError.invalid("logprobs are not supported");
        }
        ChatOptions options = ChatOptions.DEFAULTS;
        Optional<BigDecimal> temperature = body.decimal("temperature");
        if (temperature.isPresent()) {
            options = options.withTemperature(temperature.get().doubleValue());
        }
        Optional<Integer> maxTokens = body.integer("max_completion_tokens").or(() -> body.integer("max_tokens"));
        if (maxTokens.isPresent()) {
            if (maxTokens.get() < 1) {
                throw ApiError.invalid("max_tokens must be at least 1");
            }
            options = options.withMaxTokens(maxTokens.get());
        }
        Optional<BigDecimal> topP = body.decimal("top_p");
        if (topP.isPresent()) {
            options = options.withTopP(topP.get().doubleValue());
        }
        ResponseFormat format = ResponseFormat.parse(body.value("response_format").orElse(null)).orElseThrow(() ->
                ApiError.invalid("response_format must be {\"type\":\"text\"}, {\"type\":\"json_object\"} or "
                        + "{\"type\":\"json_schema\",\"json_schema\":{\"name\":...,\"schema\":{...}}}"));
        options = options.withResponseFormat(format);
        Optional<BigDecimal> presence = body.decimal("presence_penalty");
        if (presence.isPresent()) {
            options = options.withPresencePenalty(presence.get().doubleValue());
        }
        Optional<BigDecimal> frequency = body.decimal("frequency_penalty");
        if (frequency.isPresent()) {
            options = options.withFrequencyPenalty(frequency.get().doubleValue());
        }
        Optional<Long> seed = body.longValue("seed");
        if (seed.isPresent()) {
            options = options.withSeed(seed.get());
        }
        Optional<String> effort = body.string("reasoning_effort");
        if (effort.isPresent()) {
            options = options.withReasoningEffort(effort.get());
        }
        return options.withStop(stop(body));
    }

    /**
     * OpenAI's {@code stop}: one string or an array of strings (null or absent: none). Any other value is refused
     * rather than turned into text, as every wrong type is: {@code [1, 2]} is not the stop sequences "1" and "2".
     * No count limit is set here: providers differ (OpenAI takes 4, Gemini 5, Anthropic more) and say so themselves.
     */
    private static List<String> stop(JsonBody body) {
        Object stop = body.value("stop").orElse(List.of());
        if (stop instanceof String single) {
            return List.of(single);
        }
        if (stop instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw ApiError.invalid("stop must be a string or an array of strings");
    }

    /** Whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage}, a boolean). */
    public static boolean includeUsage(JsonBody body) {
        return body.child("stream_options").bool("include_usage").orElse(false);
    }
}
