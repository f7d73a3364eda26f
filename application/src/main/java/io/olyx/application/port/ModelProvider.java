package io.olyx.application.port;

import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.StreamEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Calls a model. The endpoint says which provider, model, URL, key and timeouts; implementations speak each
 * provider's wire format. Every method either returns or throws {@link ProviderFailure}; nothing else escapes for
 * a provider-side problem, so the pipeline can follow the fallback path on {@link ProviderFailure#retryable()}.
 */
public interface ModelProvider {

    ChatResult chat(ModelEndpoint endpoint, ChatRequest request);

    /**
     * Streams a chat answer: {@code sink} is called on the calling thread as the provider's bytes arrive, ending with
     * one {@link StreamEvent.Completed}. Returns the aggregated result (text, tool calls, usage, model).
     *
     * <p>If {@code sink} throws (the client went away), the implementation stops reading, releases the connection
     * and returns what it has with {@link io.olyx.domain.llm.FinishReason#CANCELLED} and usage estimated where the
     * provider had not reported it yet; the sink's exception is not rethrown and the sink is not called again.
     * If the provider fails mid-stream, the {@link ProviderFailure} carries the partial result in
     * {@link ProviderFailure#partial()}, so the caller can record what the client already received.
     */
    ChatResult stream(ModelEndpoint endpoint, ChatRequest request, Consumer<StreamEvent> sink);

    /** One embedding per input, in order. {@link ProviderFailure.Kind#UNSUPPORTED} where the provider has none. */
    EmbeddingResult embed(ModelEndpoint endpoint, List<String> inputs);

    /** {@link ProviderFailure.Kind#UNSUPPORTED} where the provider or model generates no images. */
    ImageResult generateImage(ModelEndpoint endpoint, ImageRequest request);
}
