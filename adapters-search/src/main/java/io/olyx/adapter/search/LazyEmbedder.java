package io.olyx.adapter.search;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * An embedder that loads its model on first use: the model takes seconds of CPU to load, which must not slow the
 * server's start. Its spec is known up front (indexes are checked against it at start). The first call loads the
 * model; calls meanwhile wait for that one load, and every call fails with the load's error if it failed.
 */
final class LazyEmbedder implements Embedder {
    private final EmbeddingModelSpec spec;
    private final Supplier<Embedder> load;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<Embedder> loaded = new CompletableFuture<>();

    LazyEmbedder(EmbeddingModelSpec spec, Supplier<Embedder> load) {
        this.spec = spec;
        this.load = load;
    }

    @Override
    public EmbeddingModelSpec spec() {
        return spec;
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts) {
        return embedder().embedDocuments(texts);
    }

    @Override
    public List<float[]> embedDocuments(List<String> texts, BooleanSupplier stillWanted) {
        return embedder().embedDocuments(texts, stillWanted);
    }

    @Override
    public float[] embedQuery(String query) {
        return embedder().embedQuery(query);
    }

    private Embedder embedder() {
        if (started.compareAndSet(false, true)) {
            try {
                loaded.complete(load.get());
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            }
        }
        try {
            return loaded.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedding model failed to load", e.getCause());
        }
    }

    /** Closes the model if it was loaded (or once a load under way finishes). */
    @Override
    public void close() {
        loaded.thenAccept(Embedder::close);
    }
}
