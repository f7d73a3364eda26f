package io.olyx.adapter.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.olyx.adapter.providers.support.HttpTransport;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.ProviderFailures;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.adapter.providers.support.StreamLoop;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.adapter.providers.support.Uris;
import io.olyx.application.port.ModelProvider;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.StreamEvent;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Google's Gemini API (generativelanguage): generateContent, streamGenerateContent?alt=sse, embedContent and
 * batchEmbedContents, authenticated with the x-goog-api-key header. Image generation is not offered here.
 */
public final class GeminiAdapter implements ModelProvider {
    static final String DEFAULT_BASE = "https://generativelanguage.googleapis.com";

    private final HttpTransport transport;
    private final Jsons json;
    private final TokenCounter counter;
    private final GeminiMapper mapper;

    public GeminiAdapter(HttpTransport transport, Jsons json, TokenCounter counter) {
        this.transport = transport;
        this.json = json;
        this.counter = counter;
        this.mapper = new GeminiMapper(json, counter);
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        JsonNode root = transport.postJson(endpoint, uri(endpoint, "generateContent"), headers(endpoint),
                json.bytes(mapper.body(request)));
        return mapper.result(root, endpoint, request);
    }

    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        byte[] body = json.bytes(mapper.body(request));
        StreamAssembler out = new StreamAssembler(sink, counter, request, endpoint.model());
        GeminiStreamReader reader = new GeminiStreamReader(json, mapper);
        return StreamLoop.run(ProviderKind.GEMINI, out,
                () -> transport.openStream(endpoint, uri(endpoint, "streamGenerateContent?alt=sse"),
                        headers(endpoint), body),
                reader::read);
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        Optional<Integer> dimensions = endpoint.configInt("dimensions");
        List<Embedding> embeddings = new ArrayList<>();
        if (inputs.size() == 1) {
            ObjectNode body = content(inputs.get(0));
            dimensions.ifPresent(d -> body.put("outputDimensionality", d));
            JsonNode root = transport.postJson(endpoint, uri(endpoint, "embedContent"), headers(endpoint),
                    json.bytes(body));
            embeddings.add(values(root.path("embedding")));
        } else {
            ObjectNode body = json.mapper().createObjectNode();
            ArrayNode requests = body.putArray("requests");
            for (String input : inputs) {
                ObjectNode one = content(input);
                one.put("model", "models/" + modelName(endpoint));
                dimensions.ifPresent(d -> one.put("outputDimensionality", d));
                requests.add(one);
            }
            JsonNode root = transport.postJson(endpoint, uri(endpoint, "batchEmbedContents"), headers(endpoint),
                    json.bytes(body));
            JsonNode list = root.path("embeddings");
            if (list.size() != inputs.size()) {
                throw ProviderFailures.malformed(ProviderKind.GEMINI, "expected " + inputs.size() + " embeddings");
            }
            list.forEach(e -> embeddings.add(values(e)));
        }
        return new EmbeddingResult(embeddings, counter.embeddingUsage(OptionalInt.empty(), inputs), endpoint.model());
    }

    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        throw ProviderFailure.unsupported(ProviderKind.GEMINI, "image generation");
    }

    private ObjectNode content(String text) {
        ObjectNode body = json.mapper().createObjectNode();
        body.putObject("content").putArray("parts").addObject().put("text", text);
        return body;
    }

    private static Embedding values(JsonNode embedding) {
        JsonNode values = embedding.path("values");
        if (!values.isArray() || values.isEmpty()) {
            throw ProviderFailures.malformed(ProviderKind.GEMINI, "embedding without values");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) values.get(i).asDouble();
        }
        return new Embedding(vector);
    }

    private static String modelName(ModelEndpoint endpoint) {
        String model = endpoint.model();
        return model.startsWith("models/") ? model.substring("models/".length()) : model;
    }

    private static URI uri(ModelEndpoint endpoint, String method) {
        String base = Uris.base(ProviderKind.GEMINI, endpoint.baseUrl().orElse(DEFAULT_BASE));
        boolean versioned = base.endsWith("/v1beta") || base.endsWith("/v1");
        return Uris.uri(ProviderKind.GEMINI, base + (versioned ? "" : "/v1beta") + "/models/"
                + Uris.encodeSegment(modelName(endpoint)) + ":" + method);
    }

    private static Map<String, String> headers(ModelEndpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.apiKey().ifPresent(key -> headers.put("x-goog-api-key", key));
        headers.put("Content-Type", "application/json");
        return headers;
    }
}
