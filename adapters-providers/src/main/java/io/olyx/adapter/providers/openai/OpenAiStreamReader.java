package io.olyx.adapter.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.SseReader;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads {@code chat.completion.chunk} events. With stream_options.include_usage the usage arrives in a last chunk
 * whose choices are empty, just before {@code data: [DONE]}. Compatible servers that omit [DONE] still end
 * cleanly once a finish_reason was seen.
 */
final class OpenAiStreamReader {
    private final Jsons json;
    private final ProviderKind provider;

    OpenAiStreamReader(Jsons json, ProviderKind provider) {
        this.json = json;
        this.provider = provider;
    }

    boolean read(InputStream body, StreamAssembler out) throws IOException {
        SseReader reader = new SseReader(body);
        while (!out.cancelled()) {
            Optional<SseReader.Event> event = reader.next();
            if (event.isEmpty()) {
                return out.hasFinishReason();
            }
            String data = event.get().data().strip();
            if (data.equals("[DONE]")) {
                return true;
            }
            if (!data.isEmpty()) {
                chunk(json.parse(data), out);
            }
        }
        return false;
    }

    private void chunk(JsonNode chunk, StreamAssembler out) {
        if (!chunk.isObject()) {
            throw ProviderFailures.malformed(provider, "stream chunk is not a JSON object");
        }
        if (chunk.path("error").isObject()) {
            JsonNode error = chunk.path("error");
            throw ProviderFailure.of(ProviderFailure.Kind.SERVER_ERROR, provider,
                    error.path("message").asText("error event in stream"));
        }
        Jsons.text(chunk, "model").ifPresent(out::model);
        for (JsonNode choice : chunk.path("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue;
            }
            JsonNode delta = choice.path("delta");
            out.text(OpenAiMapper.content(delta.path("content")));
            for (JsonNode call : delta.path("tool_calls")) {
                JsonNode function = call.path("function");
                out.toolCallDelta(call.path("index").asInt(0), Jsons.text(call, "id"), Jsons.text(function, "name"),
                        function.path("arguments").asText(""));
            }
            String finish = choice.path("finish_reason").asText(null);
            if (finish != null) {
                FinishReason reason = OpenAiMapper.finishReason(finish, List.of());
                out.finishReason(reason == FinishReason.STOP && out.hasOpenToolCalls() ? FinishReason.TOOL_CALLS
                        : reason);
            }
        }
        JsonNode usage = chunk.path("usage");
        if (usage.isObject()) {
            OptionalInt prompt = Jsons.count(usage, "prompt_tokens");
            OptionalInt completion = Jsons.count(usage, "completion_tokens");
            prompt.ifPresent(out::promptTokens);
            completion.ifPresent(out::completionTokens);
            OpenAiMapper.cachedTokens(usage).ifPresent(out::cachedPromptTokens);
        }
    }
}
