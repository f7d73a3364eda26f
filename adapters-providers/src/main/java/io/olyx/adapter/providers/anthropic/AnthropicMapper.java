package io.olyx.adapter.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.AlternatingTurns;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Domain chat values to and from the Messages API. System prompts travel apart from the turns; tool calls are
 * tool_use blocks in assistant turns and their results tool_result blocks in user turns; consecutive turns of one
 * role are merged, since tool results must sit together in the user turn right after the tool_use turn.
 */
final class AnthropicMapper {
    static final int DEFAULT_MAX_TOKENS = 4096;

    private final Jsons json;
    private final TokenCounter counter;

    AnthropicMapper(Jsons json, TokenCounter counter) {
        this.json = json;
        this.counter = counter;
    }

    ObjectNode body(ModelEndpoint endpoint, ChatRequest request, boolean stream) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("model", endpoint.model());
        ChatOptions options = request.options();
        body.put("max_tokens", options.maxTokens().orElse(
                endpoint.configInt("max_tokens").orElse(DEFAULT_MAX_TOKENS)));
        // no JSON mode in the Messages API: a requested response format is asked for in the system prompt
        String system = Stream.concat(request.messages().stream().filter(m -> m.role() == ChatRole.SYSTEM)
                        .map(ChatMessage::content), options.responseFormat().instruction().stream())
                .filter(s -> !s.isBlank()).collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        body.set("messages", turns(request.messages()));
        if (request.hasTools() && !(request.toolChoice() instanceof ToolChoice.None && !usesTools(request))) {
            ArrayNode tools = body.putArray("tools");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode t = tools.addObject();
                t.put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    t.put("description", tool.description());
                }
                t.set("input_schema", json.tree(tool.parameters()));
            }
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        // Anthropic's temperature range is [0, 1]; OpenAI-style values up to 2 are clamped rather than refused
        options.temperature().ifPresent(t -> body.put("temperature", Math.min(1.0, t)));
        options.topP().ifPresent(p -> body.put("top_p", p));
        if (!options.stop().isEmpty()) {
            ArrayNode stop = body.putArray("stop_sequences");
            options.stop().forEach(stop::add);
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    private static boolean usesTools(ChatRequest request) {
        return request.messages().stream().anyMatch(m -> m.hasToolCalls() || m.role() == ChatRole.TOOL);
    }

    private ObjectNode toolChoice(ToolChoice choice) {
        ObjectNode node = json.mapper().createObjectNode();
        switch (choice) {
            case ToolChoice.Auto a -> node.put("type", "auto");
            case ToolChoice.None n -> node.put("type", "none");
            case ToolChoice.Required r -> node.put("type", "any");
            case ToolChoice.Named named -> node.put("type", "tool").put("name", named.name());
        }
        return node;
    }

    private ArrayNode turns(List<ChatMessage> messages) {
        return AlternatingTurns.of(json.mapper(), messages, this::addBlocks,
                json.mapper().createObjectNode().put("type", "text").put("text", "(empty)"));
    }

    private void addBlocks(ChatMessage message, ArrayNode content) {
        switch (message.role()) {
            case TOOL -> content.addObject().put("type", "tool_result")
                    .put("tool_use_id", message.toolCallId().orElseThrow()).put("content", message.content());
            case USER, ASSISTANT -> {
                if (!message.content().isBlank()) {
                    content.addObject().put("type", "text").put("text", message.content());
                }
                for (ToolCall call : message.toolCalls()) {
                    ObjectNode block = content.addObject();
                    block.put("type", "tool_use").put("id", call.id()).put("name", call.name());
                    block.set("input", json.tree(call.arguments()));
                }
            }
            case SYSTEM -> throw new IllegalStateException("system prompts travel outside the turns");
        }
    }

    ChatResult result(JsonNode root, ModelEndpoint endpoint, ChatRequest request) {
        JsonNode content = root.path("content");
        if (!content.isArray()) {
            throw ProviderFailures.malformed(ProviderKind.ANTHROPIC, "response has no content array");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode block : content) {
            switch (block.path("type").asText("")) {
                case "text" -> text.append(block.path("text").asText(""));
                case "tool_use" -> calls.add(ToolCall.of(block.path("id").asText("toolu_" + calls.size()),
                        block.path("name").asText(), json.map(block.path("input"))));
                default -> {
                    // thinking and other block types carry nothing the caller asked for
                }
            }
        }
        JsonNode usage = root.path("usage");
        Usage u = usage(usage);
        String answer = text.toString();
        return new ChatResult(answer, calls, finishReason(root.path("stop_reason").asText(null)),
                counter.usage(u.prompt(), Jsons.count(usage, "output_tokens"), u.cached(), request, answer, calls),
                Jsons.text(root, "model").orElse(endpoint.model()));
    }

    /** Anthropic's input_tokens exclude cache reads and writes; Olyx's prompt tokens are all of them. */
    record Usage(OptionalInt prompt, int cached) {
    }

    static Usage usage(JsonNode usage) {
        OptionalInt input = Jsons.count(usage, "input_tokens");
        int cacheRead = Jsons.count(usage, "cache_read_input_tokens").orElse(0);
        int cacheWrite = Jsons.count(usage, "cache_creation_input_tokens").orElse(0);
        return new Usage(Jsons.sum(input, cacheRead, cacheWrite), cacheRead);
    }

    static FinishReason finishReason(String stopReason) {
        if (stopReason == null) {
            return FinishReason.STOP;
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> FinishReason.STOP;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }

    /** The kind for an error type in a stream's error event (the HTTP status is already 200 then). */
    static ProviderFailure.Kind errorKind(String type) {
        return switch (type) {
            case "overloaded_error", "api_error" -> ProviderFailure.Kind.SERVER_ERROR;
            case "rate_limit_error" -> ProviderFailure.Kind.RATE_LIMITED;
            case "timeout_error" -> ProviderFailure.Kind.TIMEOUT;
            default -> ProviderFailure.Kind.CLIENT_ERROR;
        };
    }
}
