package io.olyx.application.gateway;

import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.RerankerKind;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a gateway needs from the RAG service: the best passages of some of the project's collections for one
 * query. Collections the project does not have (deleted, or another project's) contribute nothing.
 */
@FunctionalInterface
public interface KnowledgeSearch {
    KnowledgeSearch NONE = (project, query) -> List.of();

    List<KnowledgePassage> search(ProjectId project, Query query);

    /** {@code minScore} is on the search engine's 0..1 scale. */
    record Query(List<UUID> collections, String text, int top, double minScore, RerankerKind reranker,
                 boolean includeReferences) {
        public Query {
            collections = List.copyOf(collections);
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reranker, "reranker");
        }
    }
}
