package io.olyx.adapter.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Domain chat values to and from the OpenAI chat completions wire format. */
final class OpenAiMapper {
    private final Jsons json;
    private final TokenCounter counter;

    OpenAiMapper(Jsons json, TokenCounter counter) {
        this.json = json;
        this.counter = counter;
    }

    ObjectNode chatBody(ModelEndpoint endpoint, ChatRequest request, boolean stream, String maxTokensField) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("model", endpoint.model());
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> messages.add(message(m)));
        if (request.hasTools()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(t -> tools.add(tool(t)));
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        ChatOptions options = request.options();
        options.temperature().ifPresent(t -> body.put("temperature", t));
        options.topP().ifPresent(p -> body.put("top_p", p));
        options.maxTokens().ifPresent(m -> body.put(maxTokensField, m));
        options.presencePenalty().ifPresent(p -> body.put("presence_penalty", p));
        options.frequencyPenalty().ifPresent(f -> body.put("frequency_penalty", f));
        options.seed().ifPresent(seed -> body.put("seed", seed));
        options.reasoningEffort().ifPresent(effort -> body.put("reasoning_effort", effort));
        if (!options.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            options.stop().forEach(stop::add);
        }
        switch (options.responseFormat()) {
            case ResponseFormat.Text t -> {
                // the default: nothing to send
            }
            case ResponseFormat.JsonObject j -> body.putObject("response_format").put("type", "json_object");
            case ResponseFormat.JsonSchema schema -> {
                ObjectNode format = body.putObject("response_format").put("type", "json_schema");
                ObjectNode spec = format.putObject("json_schema").put("name", schema.name());
                spec.set("schema", json.tree(schema.schema()));
                spec.put("strict", schema.strict());
            }
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    private ObjectNode message(ChatMessage message) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("role", message.role().wire());
        switch (message.role()) {
            case SYSTEM, USER -> node.put("content", message.content());
            case TOOL -> {
                node.put("tool_call_id", message.toolCallId().orElseThrow());
                node.put("content", message.content());
            }
            case ASSISTANT -> {
                if (message.content().isEmpty() && message.hasToolCalls()) {
                    node.putNull("content");
                } else {
                    node.put("content", message.content());
                }
                if (message.hasToolCalls()) {
                    ArrayNode calls = node.putArray("tool_calls");
                    for (ToolCall call : message.toolCalls()) {
                        ObjectNode c = calls.addObject();
                        c.put("id", call.id());
                        c.put("type", "function");
                        c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
                    }
                }
            }
        }
        return node;
    }

    private ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = json.mapper().createObjectNode();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        if (!tool.description().isEmpty()) {
            function.put("description", tool.description());
        }
        function.set("parameters", json.tree(tool.parameters()));
        return node;
    }

    private JsonNode toolChoice(ToolChoice choice) {
        return switch (choice) {
            case ToolChoice.Auto a -> json.mapper().getNodeFactory().textNode("auto");
            case ToolChoice.None n -> json.mapper().getNodeFactory().textNode("none");
            case ToolChoice.Required r -> json.mapper().getNodeFactory().textNode("required");
            case ToolChoice.Named named -> {
                ObjectNode node = json.mapper().createObjectNode();
                node.put("type", "function");
                node.putObject("function").put("name", named.name());
                yield node;
            }
        };
    }

    ChatResult chatResult(JsonNode root, ModelEndpoint endpoint, ChatRequest request) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (!message.isObject()) {
            throw ProviderFailures.malformed(endpoint.kind(), "response has no choices[0].message");
        }
        String text = content(message.path("content"));
        List<ToolCall> calls = new ArrayList<>();
        JsonNode toolCalls = message.path("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            JsonNode call = toolCalls.get(i);
            JsonNode function = call.path("function");
            String name = function.path("name").asText("");
            if (name.isEmpty()) {
                throw ProviderFailures.malformed(endpoint.kind(), "tool call without a function name");
            }
            calls.add(ToolCall.fromJson(call.path("id").asText("call_" + i), name,
                    function.path("arguments").asText("")));
        }
        JsonNode usage = root.path("usage");
        return new ChatResult(text, calls, finishReason(choice.path("finish_reason").asText(null), calls),
                counter.usage(Jsons.count(usage, "prompt_tokens"), Jsons.count(usage, "completion_tokens"),
                        cachedTokens(usage).orElse(0), request, text, calls),
                Jsons.text(root, "model").orElse(endpoint.model()));
    }

    /** Content is a string in OpenAI's own answers; some compatible servers send an array of text parts. */
    static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            content.forEach(part -> sb.append(part.path("text").asText("")));
            return sb.toString();
        }
        return "";
    }

    static FinishReason finishReason(String wire, List<ToolCall> calls) {
        if (wire == null) {
            return calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        }
        return switch (wire) {
            case "stop", "eos" -> calls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    static OptionalInt cachedTokens(JsonNode usage) {
        return Jsons.count(usage.path("prompt_tokens_details"), "cached_tokens");
    }
}
