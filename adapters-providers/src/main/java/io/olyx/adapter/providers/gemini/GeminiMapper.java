package io.olyx.adapter.providers.gemini;

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
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Domain chat values to and from generateContent: contents of parts (text, functionCall, functionResponse),
 * a separate systemInstruction, functionDeclarations, and usageMetadata. Gemini matches a function response to
 * its call by function name, so tool results look up the name of the call they answer.
 */
final class GeminiMapper {
    private final Jsons json;
    private final TokenCounter counter;

    GeminiMapper(Jsons json, TokenCounter counter) {
        this.json = json;
        this.counter = counter;
    }

    ObjectNode body(ChatRequest request) {
        ObjectNode body = json.mapper().createObjectNode();
        body.set("contents", contents(request.messages()));
        String system = request.messages().stream().filter(m -> m.role() == ChatRole.SYSTEM)
                .map(ChatMessage::content).filter(s -> !s.isBlank()).collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
        }
        if (request.hasTools()) {
            ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
            for (ToolDefinition tool : request.tools()) {
                ObjectNode d = declarations.addObject();
                d.put("name", tool.name());
                if (!tool.description().isEmpty()) {
                    d.put("description", tool.description());
                }
                d.set("parameters", json.tree(GeminiSchemas.sanitize(tool.parameters())));
            }
            body.putObject("toolConfig").set("functionCallingConfig", callingConfig(request.toolChoice()));
        }
        ChatOptions options = request.options();
        ObjectNode generation = json.mapper().createObjectNode();
        options.temperature().ifPresent(t -> generation.put("temperature", t));
        options.topP().ifPresent(p -> generation.put("topP", p));
        options.maxTokens().ifPresent(m -> generation.put("maxOutputTokens", m));
        options.presencePenalty().ifPresent(p -> generation.put("presencePenalty", p));
        options.frequencyPenalty().ifPresent(f -> generation.put("frequencyPenalty", f));
        options.seed().ifPresent(seed -> generation.put("seed", int32Seed(seed)));
        if (!options.stop().isEmpty()) {
            ArrayNode stop = generation.putArray("stopSequences");
            options.stop().forEach(stop::add);
        }
        switch (options.responseFormat()) {
            case ResponseFormat.Text t -> {
                // the default: nothing to send
            }
            case ResponseFormat.JsonObject j -> generation.put("responseMimeType", "application/json");
            case ResponseFormat.JsonSchema schema -> {
                generation.put("responseMimeType", "application/json");
                generation.set("responseSchema", json.tree(GeminiSchemas.sanitize(schema.schema())));
            }
        }
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return body;
    }

    private ObjectNode callingConfig(ToolChoice choice) {
        ObjectNode config = json.mapper().createObjectNode();
        switch (choice) {
            case ToolChoice.Auto a -> config.put("mode", "AUTO");
            case ToolChoice.None n -> config.put("mode", "NONE");
            case ToolChoice.Required r -> config.put("mode", "ANY");
            case ToolChoice.Named named -> {
                config.put("mode", "ANY");
                config.putArray("allowedFunctionNames").add(named.name());
            }
        }
        return config;
    }

    private ArrayNode contents(List<ChatMessage> messages) {
        ArrayNode contents = json.mapper().createArrayNode();
        String currentRole = null;
        ArrayNode parts = null;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message.role() == ChatRole.SYSTEM) {
                continue;
            }
            String role = message.role() == ChatRole.ASSISTANT ? "model" : "user";
            if (!role.equals(currentRole)) {
                ObjectNode content = contents.addObject();
                content.put("role", role);
                parts = content.putArray("parts");
                currentRole = role;
            }
            if (message.role() == ChatRole.TOOL) {
                ObjectNode response = parts.addObject().putObject("functionResponse");
                response.put("name", callName(messages, i, message.toolCallId().orElseThrow()));
                response.set("response", json.tree(JsonText.parseObject(message.content())
                        .orElse(Map.of("result", message.content()))));
                continue;
            }
            if (!message.content().isEmpty()) {
                parts.addObject().put("text", message.content());
            }
            for (ToolCall call : message.toolCalls()) {
                ObjectNode functionCall = parts.addObject().putObject("functionCall");
                functionCall.put("name", call.name());
                functionCall.set("args", json.tree(call.arguments()));
            }
        }
        for (JsonNode content : contents) {
            if (content.path("parts").isEmpty()) {
                ((ArrayNode) content.path("parts")).addObject().put("text", " ");
            }
        }
        return contents;
    }

    /** The name of the call a tool result answers: the nearest earlier assistant call with that id. */
    private static String callName(List<ChatMessage> messages, int toolIndex, String callId) {
        for (int i = toolIndex - 1; i >= 0; i--) {
            for (ToolCall call : messages.get(i).toolCalls()) {
                if (call.id().equals(callId)) {
                    return call.name();
                }
            }
        }
        return callId;
    }

    ChatResult result(JsonNode root, ModelEndpoint endpoint, ChatRequest request) {
        JsonNode candidate = root.path("candidates").path(0);
        if (candidate.isMissingNode() && !root.path("promptFeedback").path("blockReason").isTextual()) {
            throw ProviderFailures.malformed(ProviderKind.GEMINI, "response has no candidates");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("functionCall").isObject()) {
                calls.add(toolCall(part.path("functionCall"), calls.size()));
            } else if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText());
            }
        }
        FinishReason reason = candidate.isMissingNode() ? FinishReason.CONTENT_FILTER
                : finishReason(candidate.path("finishReason").asText(null), !calls.isEmpty());
        Usage usage = usage(root.path("usageMetadata"));
        String answer = text.toString();
        return new ChatResult(answer, calls, reason,
                counter.usage(usage.prompt(), usage.completion(), usage.cached(), request, answer, calls),
                Jsons.text(root, "modelVersion").orElse(endpoint.model()));
    }

    ToolCall toolCall(JsonNode functionCall, int index) {
        String name = functionCall.path("name").asText("");
        if (name.isEmpty()) {
            throw ProviderFailures.malformed(ProviderKind.GEMINI, "functionCall without a name");
        }
        String id = Jsons.text(functionCall, "id").filter(s -> !s.isBlank()).orElse("call_" + index + "_" + name);
        return ToolCall.of(id, name, json.map(functionCall.path("args")));
    }

    record Usage(OptionalInt prompt, OptionalInt completion, int cached) {
    }

    /**
     * Gemini's seed is an int32 and a larger one is a 400. OpenAI clients send any 64-bit seed, so one outside the
     * range is folded (its two halves xor-ed): the same seed still always gives the same Gemini seed.
     */
    static int int32Seed(long seed) {
        return seed == (int) seed ? (int) seed : Long.hashCode(seed);
    }

    /** Thinking tokens are billed as output, so they count as completion tokens. */
    static Usage usage(JsonNode metadata) {
        OptionalInt prompt = Jsons.count(metadata, "promptTokenCount");
        OptionalInt candidates = Jsons.count(metadata, "candidatesTokenCount");
        int thoughts = Jsons.count(metadata, "thoughtsTokenCount").orElse(0);
        // a reply with no candidate text still reports its prompt and total; its completion is the thinking
        boolean reported = prompt.isPresent() && metadata.has("totalTokenCount");
        OptionalInt completion = candidates.isPresent() ? Jsons.sum(candidates, thoughts)
                : reported ? OptionalInt.of(thoughts) : OptionalInt.empty();
        return new Usage(prompt, completion, Jsons.count(metadata, "cachedContentTokenCount").orElse(0));
    }

    static FinishReason finishReason(String wire, boolean hasCalls) {
        if (wire == null || wire.equals("STOP") || wire.equals("FINISH_REASON_UNSPECIFIED")) {
            return hasCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
        }
        return switch (wire) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    FinishReason.CONTENT_FILTER;
            default -> FinishReason.OTHER;
        };
    }
}
