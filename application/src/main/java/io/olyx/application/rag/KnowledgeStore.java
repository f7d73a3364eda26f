package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

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
}
