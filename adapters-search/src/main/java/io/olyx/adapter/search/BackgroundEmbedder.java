package io.olyx.adapter.search;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * An embedder that loads on a background thread: the model takes seconds to load, the server must not wait for it
 * to start. Its spec is known up front (indexes are checked against it at start); calls that need vectors wait for
 * the load, and fail with the load's error if it failed.
 */
final class BackgroundEmbedder implements Embedder {
    private final EmbeddingModelSpec spec;
    private final CompletableFuture<Embedder> loaded = new CompletableFuture<>();

    BackgroundEmbedder(EmbeddingModelSpec spec, Supplier<Embedder> load) {
        this.spec = spec;
        Thread.ofPlatform().daemon(true).name("olyx-embedder-load").start(() -> {
            try {
                loaded.complete(load.get());
            } catch (RuntimeException | Error e) {
                loaded.completeExceptionally(e);
            }
        });
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
    public float[] embedQuery(String query) {
        return embedder().embedQuery(query);
    }

    private Embedder embedder() {
        try {
            return loaded.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the embedding model failed to load", e.getCause());
        }
    }

    /** Closes the model once loaded, without waiting for a load still under way. */
    @Override
    public void close() {
        loaded.thenAccept(Embedder::close);
    }
}
