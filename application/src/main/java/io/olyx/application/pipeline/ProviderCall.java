package io.olyx.application.pipeline;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.trace.ProviderAttempt;
import java.util.List;
import java.util.Optional;

/** How a model call along a fallback path ended, with every attempt made. */
public sealed interface ProviderCall<T> {
    List<ProviderAttempt> attempts();

    record Succeeded<T>(ModelDefinition model, T result, List<ProviderAttempt> attempts)
            implements ProviderCall<T> {
        public Succeeded {
            attempts = List.copyOf(attempts);
        }
    }

    /** Every model on the path failed (or one failed in a way no fallback can fix); {@code partial} was streamed. */
    record Failed<T>(ModelDefinition lastModel, ProviderFailure failure, Optional<ChatResult> partial,
                     List<ProviderAttempt> attempts) implements ProviderCall<T> {
        public Failed {
            attempts = List.copyOf(attempts);
        }
    }
}
