package io.olyx.adapter.providers.bedrock;

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
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.StreamEvent;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Amazon Bedrock runtime: Converse for chat, ConverseStream (AWS event-stream framing) for streaming, InvokeModel
 * for embeddings and images. Requests are signed with SigV4 (service "bedrock") when the endpoint carries AWS
 * credentials, or sent with a Bedrock API key as a Bearer token otherwise; see {@link ModelEndpoint#awsCredentials()}.
 */
public final class BedrockAdapter implements ModelProvider {
    static final String SIGNING_NAME = "bedrock";

    private final HttpTransport transport;
    private final Jsons json;
    private final TokenCounter counter;
    private final Clock clock;
    private final ConverseMapper mapper;
    private final BedrockInvokeModels invoke;

    public BedrockAdapter(HttpTransport transport, Jsons json, TokenCounter counter, Clock clock) {
        this.transport = transport;
        this.json = json;
        this.counter = counter;
        this.clock = clock;
        this.mapper = new ConverseMapper(json, counter);
        this.invoke = new BedrockInvokeModels(json);
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        URI uri = modelUri(endpoint, "converse");
        byte[] body = json.bytes(mapper.body(request));
        JsonNode root = transport.postJson(endpoint, uri, headers(endpoint, uri, body, "application/json"), body);
        return mapper.result(root, endpoint, request);
    }

    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        URI uri = modelUri(endpoint, "converse-stream");
        byte[] body = json.bytes(mapper.body(request));
        StreamAssembler out = new StreamAssembler(sink, counter, request, endpoint.model());
        ConverseStreamReader reader = new ConverseStreamReader(json);
        return StreamLoop.run(ProviderKind.BEDROCK, out,
                () -> transport.openStream(endpoint, uri,
                        headers(endpoint, uri, body, "application/vnd.amazon.eventstream"), body),
                reader::read);
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        List<Embedding> embeddings = new ArrayList<>();
        OptionalInt reportedTokens = OptionalInt.of(0);
        switch (BedrockInvokeModels.embeddingFamily(endpoint)) {
            case TITAN -> {
                for (String input : inputs) {
                    JsonNode root = invoke(endpoint, json.bytes(invoke.titanEmbeddingBody(endpoint, input))).body();
                    embeddings.add(BedrockInvokeModels.titanEmbedding(root));
                    reportedTokens = plus(reportedTokens, Jsons.count(root, "inputTextTokenCount"));
                }
            }
            case COHERE -> {
                for (int from = 0; from < inputs.size(); from += BedrockInvokeModels.COHERE_BATCH) {
                    List<String> batch = inputs.subList(from,
                            Math.min(inputs.size(), from + BedrockInvokeModels.COHERE_BATCH));
                    HttpTransport.JsonResponse response = invoke(endpoint,
                            json.bytes(invoke.cohereEmbeddingBody(endpoint, batch)));
                    embeddings.addAll(BedrockInvokeModels.cohereEmbeddings(response.body(), batch.size()));
                    reportedTokens = plus(reportedTokens, response.headers()
                            .firstValue("x-amzn-bedrock-input-token-count").map(BedrockAdapter::parseCount)
                            .orElse(OptionalInt.empty()));
                }
            }
        }
        return new EmbeddingResult(embeddings,
                counter.embeddingUsage(reportedTokens, inputs),
                endpoint.model());
    }

    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        BedrockInvokeModels.ImageFamily family = BedrockInvokeModels.imageFamily(endpoint);
        List<String> images = new ArrayList<>();
        while (images.size() < request.n()) {
            int count = BedrockInvokeModels.imagesPerCall(family, request.n() - images.size());
            JsonNode root = invoke(endpoint, json.bytes(invoke.imageBody(family, request, count))).body();
            images.addAll(BedrockInvokeModels.images(family, root));
        }
        return new ImageResult(images.subList(0, request.n()), endpoint.model());
    }

    private HttpTransport.JsonResponse invoke(ModelEndpoint endpoint, byte[] body) {
        URI uri = modelUri(endpoint, "invoke");
        return transport.exchangeJson(endpoint, uri, headers(endpoint, uri, body, "application/json"), body);
    }

    private static URI modelUri(ModelEndpoint endpoint, String operation) {
        String base = Uris.base(ProviderKind.BEDROCK, endpoint.baseUrl()
                .orElse("https://bedrock-runtime." + endpoint.awsRegion() + ".amazonaws.com"));
        return Uris.uri(ProviderKind.BEDROCK, base + "/model/" + Uris.encodeSegment(endpoint.model()) + "/"
                + operation);
    }

    private Map<String, String> headers(ModelEndpoint endpoint, URI uri, byte[] body, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", accept);
        var credentials = endpoint.awsCredentials();
        if (credentials.isPresent()) {
            headers.putAll(SigV4Signer.signedHeaders("POST", uri, "application/json", body, credentials.get(),
                    endpoint.awsRegion(), SIGNING_NAME, clock.instant()));
        } else if (endpoint.apiKey().isPresent()) {
            headers.put("Authorization", "Bearer " + endpoint.apiKey().get());
        } else {
            throw ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, ProviderKind.BEDROCK,
                    "a Bedrock model needs AWS credentials (api_key \"ACCESS_KEY_ID:SECRET_ACCESS_KEY\") "
                            + "or a Bedrock API key");
        }
        return headers;
    }

    /** Reported only if every part was. */
    private static OptionalInt plus(OptionalInt total, OptionalInt part) {
        return part.isPresent() ? Jsons.sum(total, part.getAsInt()) : part;
    }

    private static OptionalInt parseCount(String value) {
        try {
            int count = Integer.parseInt(value.strip());
            return count >= 0 ? OptionalInt.of(count) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
