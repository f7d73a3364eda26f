package io.olyx.adapter.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.support.HttpTransport;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.adapter.providers.support.StreamLoop;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.adapter.providers.support.Uris;
import io.olyx.application.port.ModelProvider;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.StreamEvent;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Anthropic's Messages API (JSON and SSE). Anthropic offers no embeddings and no image generation. */
public final class AnthropicAdapter implements ModelProvider {
    static final String DEFAULT_BASE = "https://api.anthropic.com";
    static final String DEFAULT_VERSION = "2023-06-01";

    private final HttpTransport transport;
    private final Jsons json;
    private final TokenCounter counter;
    private final AnthropicMapper mapper;

    public AnthropicAdapter(HttpTransport transport, Jsons json, TokenCounter counter) {
        this.transport = transport;
        this.json = json;
        this.counter = counter;
        this.mapper = new AnthropicMapper(json, counter);
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        JsonNode root = transport.postJson(endpoint, messagesUri(endpoint), headers(endpoint, "application/json"),
                json.bytes(mapper.body(endpoint, request, false)));
        return mapper.result(root, endpoint, request);
    }

    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        byte[] body = json.bytes(mapper.body(endpoint, request, true));
        StreamAssembler out = new StreamAssembler(sink, counter, request, endpoint.model());
        AnthropicStreamReader reader = new AnthropicStreamReader(json);
        return StreamLoop.run(ProviderKind.ANTHROPIC, out,
                () -> transport.openStream(endpoint, messagesUri(endpoint), headers(endpoint, "text/event-stream"),
                        body),
                reader::read);
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        throw ProviderFailure.unsupported(ProviderKind.ANTHROPIC, "embeddings");
    }

    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        throw ProviderFailure.unsupported(ProviderKind.ANTHROPIC, "image generation");
    }

    private static URI messagesUri(ModelEndpoint endpoint) {
        String base = Uris.base(ProviderKind.ANTHROPIC, endpoint.baseUrl().orElse(DEFAULT_BASE));
        return Uris.uri(ProviderKind.ANTHROPIC, base + (base.endsWith("/v1") ? "" : "/v1") + "/messages");
    }

    private static Map<String, String> headers(ModelEndpoint endpoint, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.apiKey().ifPresent(key -> headers.put("x-api-key", key));
        headers.put("anthropic-version", endpoint.configText("anthropic_version").orElse(DEFAULT_VERSION));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        return headers;
    }
}
