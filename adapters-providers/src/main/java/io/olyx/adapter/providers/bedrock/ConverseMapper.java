package io.olyx.adapter.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.AlternatingTurns;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Domain chat values to and from Bedrock's Converse API, which is one format for every model family on Bedrock:
 * content blocks of text, toolUse and toolResult, system blocks apart, toolConfig with toolSpec.inputSchema.json.
 */
final class ConverseMapper {
    private final Jsons json;
    private final TokenCounter counter;

    ConverseMapper(Jsons json, TokenCounter counter) {
        this.json = json;
        this.counter = counter;
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = json.mapper().createObjectNode();
        body.set("messages", messages(request.messages()));
        ArrayNode system = json.mapper().createArrayNode();
        request.messages().stream().filter(m -> m.role() == ChatRole.SYSTEM && !m.content().isBlank())
                .forEach(m -> system.addObject().put("text", m.content()));
        ChatOptions options = request.options();
        // Converse has no JSON mode: a requested response format is asked for in the system prompt
        options.responseFormat().instruction().ifPresent(instruction -> system.addObject().put("text", instruction));
        if (!system.isEmpty()) {
            body.set("system", system);
        }
        ObjectNode inference = json.mapper().createObjectNode();
        options.maxTokens().ifPresent(m -> inference.put("maxTokens", m));
        options.temperature().ifPresent(t -> inference.put("temperature", Math.min(1.0, t)));
        options.topP().ifPresent(p -> inference.put("topP", p));
        if (!options.stop().isEmpty()) {
            ArrayNode stop = inference.putArray("stopSequences");
            options.stop().forEach(stop::add);
        }
        if (!inference.isEmpty()) {
            body.set("inferenceConfig", inference);
        }
        boolean toolHistory = request.messages().stream()
                .anyMatch(m -> m.hasToolCalls() || m.role() == ChatRole.TOOL);
        // Converse has no "none" choice, and refuses toolUse history without a toolConfig: omit tools unless needed
        if (request.hasTools() && (!(request.toolChoice() instanceof ToolChoice.None) || toolHistory)) {
            ObjectNode toolConfig = body.putObject("toolConfig");
            ArrayNode tools = toolConfig.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode spec = tools.addObject().putObject("toolSpec");
                spec.put("name", tool.name());
                spec.put("description", tool.description().isEmpty() ? tool.name() : tool.description());
                spec.putObject("inputSchema").set("json", json.tree(tool.parameters()));
            }
            switch (request.toolChoice()) {
                case ToolChoice.Auto a -> toolConfig.putObject("toolChoice").putObject("auto");
                case ToolChoice.Required r -> toolConfig.putObject("toolChoice").putObject("any");
                case ToolChoice.Named n -> toolConfig.putObject("toolChoice").putObject("tool").put("name", n.name());
                case ToolChoice.None n -> {
                    // no spelling for it; the tools are only there because the history uses them
                }
            }
        }
        return body;
    }

    private ArrayNode messages(List<ChatMessage> messages) {
        return AlternatingTurns.of(json.mapper(), messages, this::addBlocks,
                json.mapper().createObjectNode().put("text", "(empty)"));
    }

    private void addBlocks(ChatMessage message, ArrayNode content) {
        if (message.role() == ChatRole.TOOL) {
            ObjectNode result = content.addObject().putObject("toolResult");
            result.put("toolUseId", message.toolCallId().orElseThrow());
            ObjectNode block = result.putArray("content").addObject();
            JsonText.parseObject(message.content()).ifPresentOrElse(
                    object -> block.set("json", json.tree(object)),
                    () -> block.put("text", message.content().isEmpty() ? "(empty)" : message.content()));
            result.put("status", "success");
            return;
        }
        if (!message.content().isBlank()) {
            content.addObject().put("text", message.content());
        }
        for (ToolCall call : message.toolCalls()) {
            ObjectNode use = content.addObject().putObject("toolUse");
            use.put("toolUseId", call.id());
            use.put("name", call.name());
            use.set("input", json.tree(call.arguments()));
        }
    }

    ChatResult result(JsonNode root, ModelEndpoint endpoint, ChatRequest request) {
        JsonNode content = root.path("output").path("message").path("content");
        if (!content.isArray()) {
            throw ProviderFailures.malformed(ProviderKind.BEDROCK, "response has no output.message.content");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            if (block.path("text").isTextual()) {
                text.append(block.path("text").asText());
            } else if (block.path("toolUse").isObject()) {
                JsonNode use = block.path("toolUse");
                calls.add(ToolCall.of(use.path("toolUseId").asText("tooluse_" + calls.size()),
                        use.path("name").asText(), json.map(use.path("input"))));
            }
        }
        Usage usage = usage(root.path("usage"));
        String answer = text.toString();
        return new ChatResult(answer, calls, finishReason(root.path("stopReason").asText(null)),
                counter.usage(usage.prompt(), usage.completion(), usage.cached(), request, answer, calls),
                endpoint.model());
    }

    record Usage(OptionalInt prompt, OptionalInt completion, int cached) {
    }

    /** Like Anthropic's, Converse's inputTokens exclude cache reads and writes. */
    static Usage usage(JsonNode usage) {
        OptionalInt input = Jsons.count(usage, "inputTokens");
        int cacheRead = Jsons.count(usage, "cacheReadInputTokens").orElse(0);
        int cacheWrite = Jsons.count(usage, "cacheWriteInputTokens").orElse(0);
        return new Usage(Jsons.sum(input, cacheRead, cacheWrite), Jsons.count(usage, "outputTokens"), cacheRead);
    }

    static FinishReason finishReason(String stopReason) {
        if (stopReason == null) {
            return FinishReason.STOP;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "guardrail_intervened", "content_filtered" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
