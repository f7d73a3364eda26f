package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the use cases that change collections and documents work with: the two repositories, the search index
 * (through {@link IndexDocuments}) with its locks, the indexing queue, transactions, ids and the clock.
 */
public record KnowledgeStore(CollectionRepository collections, DocumentRepository documents, IndexDocuments index,
                             IndexLocks locks, IndexingQueue queue, UnitOfWork unitOfWork, IdGenerator ids,
                             Clock clock) {
    public KnowledgeStore {
        Objects.requireNonNull(collections, "collections");
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code work} on the project's collection under its index lock, the collection looked up under that lock:
     * deleting a collection takes the same lock, so a request that waited for a delete finds the collection gone
     * (empty) instead of writing into it or answering for it.
     */
    public <T> Optional<T> withCollectionLocked(ProjectId project, CollectionId id,
                                                Function<KnowledgeCollection, T> work) {
        return locks.locked(KnowledgeCollection.indexKey(project, id), () -> collections.find(project, id).map(work));
    }
}
