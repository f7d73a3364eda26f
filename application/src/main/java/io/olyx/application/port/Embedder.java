package io.olyx.application.port;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product is their cosine similarity. Documents and queries are
 * embedded differently on purpose: asymmetric models such as bge prepend an instruction to queries only.
 * Implementations are thread-safe.
 */
public interface Embedder extends AutoCloseable {

    EmbeddingModelSpec spec();

    /** One vector per text, in order; implementations batch internally, so pass as many texts as convenient. */
    List<float[]> embedDocuments(List<String> texts);

    /** The vector of a search query, with the model's query instruction applied. */
    float[] embedQuery(String query);

    @Override
    void close();
}
