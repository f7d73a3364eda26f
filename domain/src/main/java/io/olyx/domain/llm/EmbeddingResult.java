package io.olyx.domain.llm;

import java.util.List;
import java.util.Objects;

/** One embedding per input text, in input order, with the tokens the call consumed (completion tokens are 0). */
public record EmbeddingResult(List<Embedding> embeddings, TokenUsage usage, String model) {
    public EmbeddingResult {
        embeddings = List.copyOf(embeddings);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
    }
}
