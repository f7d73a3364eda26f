package io.olyx.domain.llm;

import java.util.Arrays;

/** One embedding vector. The array is copied in and out, so an Embedding never changes after creation. */
public record Embedding(float[] vector) {

    public Embedding {
        if (vector == null || vector.length == 0) {
            throw new IllegalArgumentException("an embedding needs at least one dimension");
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimensions() {
        return vector.length;
    }

    public float get(int i) {
        return vector[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Embedding e && Arrays.equals(vector, e.vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "Embedding[" + vector.length + " dimensions]";
    }
}
