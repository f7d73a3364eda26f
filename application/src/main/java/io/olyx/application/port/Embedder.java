package io.olyx.application.port;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Turns text into unit-length vectors whose dot product is their cosine similarity. Documents and queries have
 * their own methods because they differ in use (many texts in the background, one text while a caller waits) and
 * because some models embed them differently (e5's {@code query:} prefix, for one). Implementations are
 * thread-safe.
 */
public interface Embedder extends AutoCloseable {

    EmbeddingModelSpec spec();

    /** One vector per text, in order; implementations batch internally, so pass as many texts as convenient. */
    List<float[]> embedDocuments(List<String> texts);

    /**
     * As {@link #embedDocuments(List)}, for work that may stop being wanted while it runs (its collection deleted,
     * say): {@code stillWanted} is asked before each inference, from the implementation's own threads, and once it
     * says no the call ends with a {@link CancellationException}. An implementation that cannot stop part way may
     * ignore it; this default does.
     */
    default List<float[]> embedDocuments(List<String> texts, BooleanSupplier stillWanted) {
        return embedDocuments(texts);
    }

    /** The vector of a search query, with the model's query prefix if it needs one. */
    float[] embedQuery(String query);

    @Override
    void close();
}
