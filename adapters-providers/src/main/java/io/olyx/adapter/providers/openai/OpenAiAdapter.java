package io.olyx.adapter.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.HttpTransport;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.adapter.providers.support.StreamLoop;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.application.port.ModelProvider;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/** The OpenAI wire format: chat completions (JSON and SSE), embeddings and image generations. */
public final class OpenAiAdapter implements ModelProvider {
    private final HttpTransport transport;
    private final Jsons json;
    private final TokenCounter counter;
    private final OpenAiRoutes routes;
    private final OpenAiMapper mapper;

    public OpenAiAdapter(HttpTransport transport, Jsons json, TokenCounter counter, OpenAiRoutes routes) {
        this.transport = transport;
        this.json = json;
        this.counter = counter;
        this.routes = routes;
        this.mapper = new OpenAiMapper(json, counter);
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        ObjectNode body = mapper.chatBody(endpoint, request, false, routes.maxTokensField(endpoint));
        JsonNode root = transport.postJson(endpoint, routes.chat(endpoint), headers(endpoint, "application/json"),
                json.bytes(body));
        return mapper.chatResult(root, endpoint, request);
    }

    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        byte[] body = json.bytes(mapper.chatBody(endpoint, request, true, routes.maxTokensField(endpoint)));
        StreamAssembler out = new StreamAssembler(sink, counter, request, endpoint.model());
        OpenAiStreamReader reader = new OpenAiStreamReader(json, endpoint.kind());
        return StreamLoop.run(endpoint.kind(), out,
                () -> transport.openStream(endpoint, routes.chat(endpoint), headers(endpoint, "text/event-stream"),
                        body),
                reader::read);
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        ObjectNode body = json.mapper().createObjectNode();
        body.put("model", endpoint.model());
        ArrayNode input = body.putArray("input");
        inputs.forEach(input::add);
        body.put("encoding_format", "float");
        endpoint.configInt("dimensions").ifPresent(d -> body.put("dimensions", d));
        JsonNode root = transport.postJson(endpoint, routes.embeddings(endpoint),
                headers(endpoint, "application/json"), json.bytes(body));
        JsonNode data = root.path("data");
        if (!data.isArray() || data.size() != inputs.size()) {
            throw ProviderFailures.malformed(endpoint.kind(), "expected " + inputs.size() + " embeddings");
        }
        Embedding[] ordered = new Embedding[inputs.size()];
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            if (index < 0 || index >= ordered.length || ordered[index] != null) {
                throw ProviderFailures.malformed(endpoint.kind(), "embedding index out of place: " + index);
            }
            ordered[index] = vector(endpoint, item.path("embedding"));
        }
        return new EmbeddingResult(List.of(ordered),
                counter.embeddingUsage(Jsons.count(root.path("usage"), "prompt_tokens"), inputs),
                Jsons.text(root, "model").orElse(endpoint.model()));
    }

    static Embedding vector(ModelEndpoint endpoint, JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            throw ProviderFailures.malformed(endpoint.kind(), "embedding is not an array of numbers");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!values.get(i).isNumber()) {
                throw ProviderFailures.malformed(endpoint.kind(), "embedding is not an array of numbers");
            }
            vector[i] = (float) values.get(i).asDouble();
        }
        return new Embedding(vector);
    }

    /** dall-e-3 draws one image per request, so n images are n requests; other models take n directly. */
    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        boolean onePerCall = endpoint.model().toLowerCase(Locale.ROOT).startsWith("dall-e-3");
        List<String> images = new ArrayList<>();
        String model = endpoint.model();
        int calls = onePerCall ? request.n() : 1;
        for (int i = 0; i < calls; i++) {
            ObjectNode body = json.mapper().createObjectNode();
            body.put("model", endpoint.model());
            body.put("prompt", request.prompt());
            body.put("n", onePerCall ? 1 : request.n());
            body.put("size", request.size());
            request.quality().ifPresent(q -> body.put("quality", q));
            request.style().ifPresent(s -> body.put("style", s));
            JsonNode root = transport.postJson(endpoint, routes.images(endpoint),
                    headers(endpoint, "application/json"), json.bytes(body));
            model = Jsons.text(root, "model").orElse(model);
            for (JsonNode item : root.path("data")) {
                if (item.path("url").isTextual()) {
                    images.add(item.path("url").asText());
                } else if (item.path("b64_json").isTextual()) {
                    images.add("data:image/png;base64," + item.path("b64_json").asText());
                }
            }
        }
        if (images.isEmpty()) {
            throw ProviderFailures.malformed(endpoint.kind(), "no images in the response");
        }
        return new ImageResult(images, model);
    }

    private Map<String, String> headers(ModelEndpoint endpoint, String accept) {
        Map<String, String> headers = new LinkedHashMap<>(routes.authHeaders(endpoint));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        return headers;
    }
}
