package io.olyx.application.gateway;

import io.olyx.application.rag.SearchCollections;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway's knowledge retrieval over the RAG service's own search (the node's one index and embedder): the
 * project's collections only, each hit named from the database. A collection the project no longer has (deleted,
 * or another project's id) is left out instead of failing the call.
 */
public final class CollectionKnowledge implements KnowledgeSearch {
    private final SearchCollections search;

    public CollectionKnowledge(SearchCollections search) {
        this.search = search;
    }

    @Override
    public List<KnowledgePassage> search(ProjectId project, Query query) {
        if (query.text().isBlank()) {
            return List.of();
        }
        List<CollectionId> collections = new ArrayList<>(query.collections().stream().map(CollectionId::new)
                .distinct().toList());
        int top = Math.clamp(query.top(), 1, SearchCollections.MAX_TOP);
        double minScore = Math.clamp(query.minScore(), 0.0, 1.0);
        while (!collections.isEmpty()) {
            SearchCollections.Outcome outcome = search.search(project, new SearchCollections.Request(
                    List.copyOf(collections), List.of(query.text()), top, minScore, query.reranker(),
                    query.includeReferences()));
            switch (outcome) {
                case SearchCollections.Outcome.Found found -> {
                    return found.hits().stream().map(CollectionKnowledge::passage).toList();
                }
                case SearchCollections.Outcome.CollectionNotFound missing -> collections.remove(missing.id());
            }
        }
        return List.of();
    }

    private static KnowledgePassage passage(SearchCollections.Hit hit) {
        return new KnowledgePassage(hit.collection().value().toString(), hit.documentId().toString(),
                hit.documentName(), hit.content(), hit.score(),
                hit.references().stream().map(SearchCollections.Reference::content).toList());
    }
}
