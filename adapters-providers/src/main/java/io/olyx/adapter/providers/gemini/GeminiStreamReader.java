package io.olyx.adapter.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.SseReader;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads streamGenerateContent?alt=sse: every event is a whole GenerateContentResponse holding the next text,
 * whole functionCall parts, and usageMetadata so far. There is no end marker; the stream is complete when a
 * candidate carried a finishReason before the body ended.
 */
final class GeminiStreamReader {
    private final Jsons json;
    private final GeminiMapper mapper;
    private int toolCalls;

    GeminiStreamReader(Jsons json, GeminiMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    boolean read(InputStream body, StreamAssembler out) throws IOException {
        SseReader reader = new SseReader(body);
        while (!out.cancelled()) {
            Optional<SseReader.Event> event = reader.next();
            if (event.isEmpty()) {
                return out.hasFinishReason();
            }
            chunk(json.parse(event.get().data()), out);
        }
        return false;
    }

    private void chunk(JsonNode chunk, StreamAssembler out) {
        if (chunk.path("error").isObject()) {
            throw ProviderFailure.of(ProviderFailure.Kind.SERVER_ERROR, ProviderKind.GEMINI,
                    chunk.path("error").path("message").asText("error event in stream"));
        }
        Jsons.text(chunk, "modelVersion").ifPresent(out::model);
        JsonNode candidate = chunk.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("functionCall").isObject()) {
                out.wholeToolCall(toolCalls, mapper.toolCall(part.path("functionCall"), toolCalls));
                toolCalls++;
            } else if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                out.text(part.path("text").asText());
            }
        }
        if (candidate.path("finishReason").isTextual()) {
            out.finishReason(GeminiMapper.finishReason(candidate.path("finishReason").asText(), toolCalls > 0));
        } else if (chunk.path("promptFeedback").path("blockReason").isTextual()) {
            out.finishReason(FinishReason.CONTENT_FILTER);
        }
        GeminiMapper.Usage usage = GeminiMapper.usage(chunk.path("usageMetadata"));
        usage.prompt().ifPresent(out::promptTokens);
        usage.completion().ifPresent(out::completionTokens);
        out.cachedPromptTokens(usage.cached());
    }
}
