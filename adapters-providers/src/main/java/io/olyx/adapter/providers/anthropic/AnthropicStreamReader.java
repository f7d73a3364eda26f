package io.olyx.adapter.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.SseReader;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Messages API event stream: message_start (model, input usage), content_block_start / _delta / _stop
 * per text or tool_use block (tool input arrives as input_json_delta fragments), message_delta (stop reason,
 * output usage), message_stop, plus ping and error. Content block indexes count text blocks too, so tool calls
 * get their own 0-based index.
 */
final class AnthropicStreamReader {
    private final Jsons json;
    private final Map<Integer, Integer> toolIndexByBlock = new HashMap<>();

    AnthropicStreamReader(Jsons json) {
        this.json = json;
    }

    boolean read(InputStream body, StreamAssembler out) throws IOException {
        SseReader reader = new SseReader(body);
        while (!out.cancelled()) {
            Optional<SseReader.Event> event = reader.next();
            if (event.isEmpty()) {
                return false;
            }
            JsonNode data = json.parse(event.get().data());
            if (handle(data, out)) {
                return true;
            }
        }
        return false;
    }

    private boolean handle(JsonNode data, StreamAssembler out) {
        switch (data.path("type").asText("")) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                Jsons.text(message, "model").ifPresent(out::model);
                AnthropicMapper.Usage usage = AnthropicMapper.usage(message.path("usage"));
                usage.prompt().ifPresent(out::promptTokens);
                out.cachedPromptTokens(usage.cached());
            }
            case "content_block_start" -> {
                JsonNode block = data.path("content_block");
                if (block.path("type").asText("").equals("tool_use")) {
                    int toolIndex = toolIndexByBlock.size();
                    toolIndexByBlock.put(data.path("index").asInt(), toolIndex);
                    out.toolCallDelta(toolIndex, Jsons.text(block, "id"), Jsons.text(block, "name"), "");
                } else {
                    out.text(block.path("text").asText(""));
                }
            }
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");
                switch (delta.path("type").asText("")) {
                    case "text_delta" -> out.text(delta.path("text").asText(""));
                    case "input_json_delta" -> {
                        Integer toolIndex = toolIndexByBlock.get(data.path("index").asInt());
                        if (toolIndex != null) {
                            out.toolCallDelta(toolIndex, Optional.empty(), Optional.empty(),
                                    delta.path("partial_json").asText(""));
                        }
                    }
                    default -> {
                        // thinking and signature deltas are not part of the answer
                    }
                }
            }
            case "content_block_stop" -> {
                Integer toolIndex = toolIndexByBlock.get(data.path("index").asInt());
                if (toolIndex != null) {
                    out.completeToolCall(toolIndex);
                }
            }
            case "message_delta" -> {
                Jsons.text(data.path("delta"), "stop_reason")
                        .ifPresent(r -> out.finishReason(AnthropicMapper.finishReason(r)));
                JsonNode usage = data.path("usage");
                Jsons.count(usage, "output_tokens").ifPresent(out::completionTokens);
                AnthropicMapper.Usage input = AnthropicMapper.usage(usage);
                if (input.prompt().isPresent()) {
                    input.prompt().ifPresent(out::promptTokens);
                    out.cachedPromptTokens(input.cached());
                }
            }
            case "message_stop" -> {
                return true;
            }
            case "error" -> {
                JsonNode error = data.path("error");
                throw ProviderFailure.of(AnthropicMapper.errorKind(error.path("type").asText("")),
                        ProviderKind.ANTHROPIC, error.path("type").asText("error") + ": "
                                + error.path("message").asText(""));
            }
            default -> {
                // ping and event types added later carry nothing we need
            }
        }
        return false;
    }
}
