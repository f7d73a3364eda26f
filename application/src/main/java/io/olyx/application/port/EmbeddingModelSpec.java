package io.olyx.application.port;

import java.util.Objects;

/** Which embedding model produced a set of vectors, and their dimension: vectors of different specs never mix. */
public record EmbeddingModelSpec(String model, int dimension) {

    public EmbeddingModelSpec {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
        }
    }
}
