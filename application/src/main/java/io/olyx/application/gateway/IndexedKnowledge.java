package io.olyx.application.gateway;

import io.olyx.application.port.StoredChunk;
import io.olyx.application.rag.HybridSearch;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Knowledge search straight over the hybrid search engine, for collections indexed under the key
 * {@code <projectId>/<collectionId>} (the RAG API's key scheme, so a project can only ever reach its own
 * collections). The engine is created on first use: a gateway without knowledge never loads the embedding model.
 * Once the RAG API's collection use cases are wired, a search over them (which also names documents from the
 * database) can replace this class behind the same port.
 */
public final class IndexedKnowledge implements KnowledgeSearch {
    private final Supplier<HybridSearch> engine;

    public IndexedKnowledge(Supplier<HybridSearch> engine) {
        this.engine = engine;
    }

    public static String indexKey(ProjectId project, UUID collection) {
        return project.value() + "/" + collection;
    }

    @Override
    public List<KnowledgePassage> search(ProjectId project, Query query) {
        if (query.collections().isEmpty() || query.text().isBlank()) {
            return List.of();
        }
        List<String> keys = query.collections().stream().map(c -> indexKey(project, c)).toList();
        HybridSearch.Results results = engine.get().search(new HybridSearch.Query(keys, List.of(query.text()),
                query.top(), query.minScore(), query.reranker(), query.includeReferences()));
        return results.results().stream().map(IndexedKnowledge::passage).toList();
    }

    private static KnowledgePassage passage(HybridSearch.Result r) {
        StoredChunk chunk = r.chunk();
        return new KnowledgePassage(r.indexKey().substring(r.indexKey().indexOf('/') + 1), chunk.documentId(),
                chunk.documentName(), chunk.text(), r.score(), r.references().stream().map(StoredChunk::text).toList());
    }
}
