package io.olyx.application.pipeline;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.trace.ProviderAttempt;
import java.util.List;
import java.util.Optional;

/** How a model call along a fallback path ended, with every attempt made. */
public sealed interface ProviderCall {
    List<ProviderAttempt> attempts();

    record Succeeded(ModelDefinition model, ChatResult result, List<ProviderAttempt> attempts)
            implements ProviderCall {
        public Succeeded {
            attempts = List.copyOf(attempts);
        }
    }

    /** Every model on the path failed (or one failed in a way no fallback can fix); {@code partial} was streamed. */
    record Failed(ModelDefinition lastModel, ProviderFailure failure, Optional<ChatResult> partial,
                  List<ProviderAttempt> attempts) implements ProviderCall {
        public Failed {
            attempts = List.copyOf(attempts);
        }
    }
}
