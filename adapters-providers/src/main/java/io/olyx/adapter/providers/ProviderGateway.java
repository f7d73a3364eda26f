package io.olyx.adapter.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.adapter.providers.anthropic.AnthropicAdapter;
import io.olyx.adapter.providers.azure.AzureRoutes;
import io.olyx.adapter.providers.bedrock.BedrockAdapter;
import io.olyx.adapter.providers.gemini.GeminiAdapter;
import io.olyx.adapter.providers.openai.OpenAiAdapter;
import io.olyx.adapter.providers.openai.OpenAiRoutes;
import io.olyx.adapter.providers.sandbox.SandboxProvider;
import io.olyx.adapter.providers.support.EchoedKeys;
import io.olyx.adapter.providers.support.HttpTransport;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.StallWatchdog;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.application.port.ModelProvider;
import io.olyx.application.port.ProviderFailure;
import io.olyx.application.port.TokenEstimator;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.StreamEvent;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@link ModelProvider} bootstrap wires in: one adapter per wire format, chosen by the endpoint's
 * {@link ProviderKind}. Construct it once with the application's shared {@link HttpClient}
 * ({@link #sharedHttpClient()}) and ObjectMapper; close it on shutdown to stop the stall watchdog.
 */
public final class ProviderGateway implements ModelProvider, TokenEstimator, AutoCloseable {
    private static final Duration WATCHDOG_TICK = Duration.ofMillis(50);

    private final StallWatchdog watchdog;
    private final HttpTransport transport;
    private final OpenAiAdapter openAi;
    private final OpenAiAdapter internal;
    private final OpenAiAdapter azure;
    private final AnthropicAdapter anthropic;
    private final GeminiAdapter gemini;
    private final BedrockAdapter bedrock;
    private final SandboxProvider sandbox;
    private final TokenCounter counter;

    public ProviderGateway(HttpClient http, ObjectMapper mapper) {
        this(http, mapper, Clock.systemUTC());
    }

    /**
     * The client to share: HTTP/2 where a provider offers it, the default connect timeout (so default endpoints share
     * its pool), and its own tasks run on the thread that triggers them instead of on a pool. An answer then reaches
     * the waiting request thread with one wake-up (selector thread to caller) instead of two (selector thread to pool
     * thread to caller); on two vCPUs that saved 0.3 ms at p50 per provider call (docs/benchmarks.md). None of those
     * tasks blocks: request bodies are byte arrays, answers are read into memory or queued for the caller's stream,
     * and TLS records, decrypted on the selector thread, take microseconds at the sizes of model answers (a TLS
     * handshake's millisecond of work also lands there, once per pooled connection).
     */
    public static HttpClient sharedHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(ModelEndpoint.DEFAULT_CONNECT_TIMEOUT).executor(Runnable::run).build();
    }

    /** The clock dates Bedrock's SigV4 signatures. */
    public ProviderGateway(HttpClient http, ObjectMapper mapper, Clock clock) {
        Jsons json = new Jsons(mapper);
        this.counter = new TokenCounter();
        counter.warmUp();
        this.watchdog = new StallWatchdog(WATCHDOG_TICK);
        this.transport = new HttpTransport(http, watchdog, mapper, clock);
        this.openAi = new OpenAiAdapter(transport, json, counter, OpenAiRoutes.standard(ProviderKind.OPENAI));
        this.internal = new OpenAiAdapter(transport, json, counter, OpenAiRoutes.standard(ProviderKind.INTERNAL));
        this.azure = new OpenAiAdapter(transport, json, counter, new AzureRoutes());
        this.anthropic = new AnthropicAdapter(transport, json, counter);
        this.gemini = new GeminiAdapter(transport, json, counter);
        this.bedrock = new BedrockAdapter(transport, json, counter, clock);
        this.sandbox = new SandboxProvider(counter);
    }

    @Override
    public int promptTokens(ChatRequest request) {
        return counter.countPrompt(request);
    }

    @Override
    public ChatResult chat(ModelEndpoint endpoint, ChatRequest request) {
        return keyMasked(endpoint, () -> adapter(endpoint).chat(endpoint, request));
    }

    @Override
    public ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink) {
        return keyMasked(endpoint, () -> adapter(endpoint).stream(endpoint, request, sink));
    }

    @Override
    public EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs) {
        if (inputs.isEmpty()) {
            return new EmbeddingResult(List.of(), io.olyx.domain.llm.TokenUsage.ZERO, endpoint.model());
        }
        return keyMasked(endpoint, () -> adapter(endpoint).embed(endpoint, inputs));
    }

    @Override
    public ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request) {
        return keyMasked(endpoint, () -> adapter(endpoint).generateImage(endpoint, request));
    }

    /** Every adapter's failures, with the endpoint's key masked wherever the provider quoted it back. */
    private static <T> T keyMasked(ModelEndpoint endpoint, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderFailure failure) {
            throw EchoedKeys.masked(failure, endpoint);
        }
    }

    private ModelProvider adapter(ModelEndpoint endpoint) {
        return switch (endpoint.kind()) {
            case OPENAI -> openAi;
            case INTERNAL -> internal;
            case AZURE -> azure;
            case ANTHROPIC -> anthropic;
            case GEMINI -> gemini;
            case BEDROCK -> bedrock;
            case SANDBOX -> sandbox;
        };
    }

    @Override
    public void close() {
        transport.close();
        watchdog.close();
    }
}
