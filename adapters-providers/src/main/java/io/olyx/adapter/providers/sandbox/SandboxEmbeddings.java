package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.llm.Embedding;
import java.util.List;

/**
 * Deterministic unit vectors by feature hashing: each word (and each pair of adjacent words, at half weight) adds
 * ±1 to one dimension chosen by its hash. Texts sharing words point in similar directions, which is enough for
 * offline demos of similarity search; it is not a semantic model.
 */
final class SandboxEmbeddings {
    static final int DEFAULT_DIMENSIONS = 256;

    static Embedding embed(String text, int dimensions) {
        float[] vector = new float[dimensions];
        List<String> words = Words.all(text).stream().map(Words::stem).toList();
        for (int i = 0; i < words.size(); i++) {
            add(vector, words.get(i), 1f);
            if (i + 1 < words.size()) {
                add(vector, words.get(i) + " " + words.get(i + 1), 0.5f);
            }
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            vector[(int) Long.remainderUnsigned(Words.hash(text), dimensions)] = 1f;
            return new Embedding(vector);
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return new Embedding(vector);
    }

    private static void add(float[] vector, String feature, float weight) {
        long h = Words.hash(feature);
        int index = (int) Long.remainderUnsigned(h, vector.length);
        vector[index] += (h >>> 63) == 0 ? weight : -weight;
    }
}
