package io.olyx.application.rag;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.domain.rag.Terms;
import java.util.List;

/** A deterministic bag-of-terms embedder: each term hashed into one of 64 dimensions, then L2-normalised. */
final class HashingEmbedder implements Embedder {

    private final EmbeddingModelSpec spec;
    int documentCalls;

    HashingEmbedder(String model) {
        this.spec = new EmbeddingModelSpec(model, 64);
    }

    @Override
    public EmbeddingModelSpec spec() {
        return spec;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        documentCalls++;
        return texts.stream().map(this::embed).toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(query);
    }

    private float[] embed(String text) {
        float[] v = new float[spec.dimension()];
        for (String term : Terms.of(text)) {
            v[Math.floorMod(term.hashCode(), v.length)] += 1;
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public void close() {
    }
}
