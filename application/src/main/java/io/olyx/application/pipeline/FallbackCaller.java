package io.olyx.application.pipeline;

import io.olyx.application.model.ModelCatalog;
import io.olyx.application.port.ModelProvider;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.trace.ProviderAttempt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Calls the models of a path in order until one answers. Connect errors, timeouts, 429 and 5xx move on to the next
 * model; a client error (the request itself is wrong) stops at once. A stream only falls back while nothing has
 * reached the client yet: after the first byte, switching models would splice two answers together.
 */
public final class FallbackCaller {
    private final ModelProvider provider;
    private final ModelCatalog catalog;

    public FallbackCaller(ModelProvider provider, ModelCatalog catalog) {
        this.provider = provider;
        this.catalog = catalog;
    }

    public ProviderCall<ChatResult> call(List<ModelDefinition> path, ChatRequest request) {
        return walk(path, model -> provider.chat(catalog.endpoint(model), request), () -> false);
    }

    public ProviderCall<EmbeddingResult> embed(List<ModelDefinition> path, List<String> inputs) {
        return walk(path, model -> provider.embed(catalog.endpoint(model), inputs), () -> false);
    }

    public ProviderCall<ImageResult> image(List<ModelDefinition> path, ImageRequest request) {
        return walk(path, model -> provider.generateImage(catalog.endpoint(model), request), () -> false);
    }

    public ProviderCall<ChatResult> stream(List<ModelDefinition> path, ChatRequest request, StreamSink sink) {
        boolean[] delivered = {false};
        return walk(path, model -> provider.stream(catalog.endpoint(model), request, event -> {
            delivered[0] = true;
            sink.accept(model.identifier(), event);
        }), () -> delivered[0]);
    }

    private <T> ProviderCall<T> walk(List<ModelDefinition> path, Function<ModelDefinition, T> attempt,
                                     BooleanSupplier started) {
        List<ProviderAttempt> attempts = new ArrayList<>();
        ProviderCall.Failed<T> failed = null;
        for (ModelDefinition model : path) {
            long begin = System.nanoTime();
            try {
                T result = attempt.apply(model);
                attempts.add(new ProviderAttempt(model.identifier(), model.provider().wire(), true,
                        Optional.of(200), Optional.empty(), millisSince(begin)));
                return new ProviderCall.Succeeded<>(model, result, attempts);
            } catch (ProviderFailure failure) {
                attempts.add(new ProviderAttempt(model.identifier(), model.provider().wire(), false,
                        status(failure), Optional.of(describe(failure)), millisSince(begin)));
                failed = new ProviderCall.Failed<>(model, failure, failure.partial(), attempts);
                if (!failure.retryable() || started.getAsBoolean()) {
                    return failed;
                }
            }
        }
        return failed;
    }

    private static Optional<Integer> status(ProviderFailure failure) {
        return failure.httpStatus().isPresent() ? Optional.of(failure.httpStatus().getAsInt()) : Optional.empty();
    }

    private static String describe(ProviderFailure failure) {
        return failure.kind().name().toLowerCase(Locale.ROOT) + ": " + failure.providerMessage();
    }

    private static double millisSince(long begin) {
        return (System.nanoTime() - begin) / 1_000_000.0;
    }
}
