package io.olyx.bootstrap;

import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.application.gateway.IndexedKnowledge;
import io.olyx.application.gateway.KnowledgeSearch;
import io.olyx.application.rag.HybridSearch;
import io.olyx.domain.rag.RankingProfile;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search engine the gateways retrieve from until the RAG API's wiring shares its own: opened on the first
 * knowledge query (the embedding model takes seconds to load, and most installations' first calls need none).
 * The index root is the RAG service's ({@code <data dir>/index}). Lucene's native write lock makes a second
 * writer on that directory fail rather than corrupt it; should the RAG service hold it, the gateway answers
 * without knowledge (logged) instead of failing the call.
 */
final class LazyKnowledge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LazyKnowledge.class);

    private final Path root;
    private LuceneSearchIndex index;
    private OnnxEmbedder embedder;
    private HybridSearch engine;

    LazyKnowledge(Path dataDir) {
        this.root = dataDir.resolve("index");
    }

    KnowledgeSearch search() {
        KnowledgeSearch indexed = new IndexedKnowledge(this::engine);
        return (project, query) -> {
            try {
                return indexed.search(project, query);
            } catch (EngineUnavailable e) {
                LOG.warn("knowledge search unavailable, answering without knowledge: {}", e.getMessage());
                return List.of();
            }
        };
    }

    private synchronized HybridSearch engine() {
        if (engine == null) {
            try {
                index = LuceneSearchIndex.open(root);
            } catch (RuntimeException e) {
                throw new EngineUnavailable("cannot open the index at " + root + " (" + e.getMessage() + ")", e);
            }
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

    private static final class EngineUnavailable extends RuntimeException {
        EngineUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
