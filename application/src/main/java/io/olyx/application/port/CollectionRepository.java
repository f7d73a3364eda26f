package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.util.List;
import java.util.Optional;

/** Knowledge collections, always looked up within their project except by background work that has only the id. */
public interface CollectionRepository {
    void insert(KnowledgeCollection collection);

    void update(KnowledgeCollection collection);

    Optional<KnowledgeCollection> find(ProjectId projectId, CollectionId id);

    /** For jobs and housekeeping, which act for whichever project owns the collection. */
    Optional<KnowledgeCollection> findAny(CollectionId id);

    /** Oldest first. */
    List<KnowledgeCollection> list(ProjectId projectId);

    List<KnowledgeCollection> listAll();

    /** Removes the collection and every document in it; false when there was none. */
    boolean delete(ProjectId projectId, CollectionId id);
}
