package io.olyx.bootstrap;

import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.application.gateway.IndexedKnowledge;
import io.olyx.application.gateway.KnowledgeSearch;
import io.olyx.application.rag.HybridSearch;
import io.olyx.domain.rag.RankingProfile;
import java.nio.file.Path;

/**
 * The search engine the gateways retrieve from, opened on the first knowledge query (the embedding model takes
 * seconds to load, and most installations' first calls need none). The index root is the RAG service's
 * ({@code <data dir>/index}); when the RAG API's wiring is merged, its single index and embedder should be shared
 * here instead of opened twice.
 */
final class LazyKnowledge implements AutoCloseable {
    private final Path root;
    private LuceneSearchIndex index;
    private OnnxEmbedder embedder;
    private HybridSearch engine;

    LazyKnowledge(Path dataDir) {
        this.root = dataDir.resolve("index");
    }

    KnowledgeSearch search() {
        return new IndexedKnowledge(this::engine);
    }

    private synchronized HybridSearch engine() {
        if (engine == null) {
            index = LuceneSearchIndex.open(root);
            embedder = OnnxEmbedder.bundledBgeSmall();
            engine = new HybridSearch(index, embedder, RankingProfile.DEFAULT);
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        if (embedder != null) {
            embedder.close();
        }
        if (index != null) {
            index.close();
        }
    }
}
