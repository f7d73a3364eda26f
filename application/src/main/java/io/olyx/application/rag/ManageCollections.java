package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.application.port.DocumentRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.CollectionState;
import io.olyx.domain.rag.DocumentId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collections of one project: create, edit, read with their indexing state, delete, empty (reset-only), and
 * re-embed (vectors-only: the index is emptied and every document queued again, e.g. after a model change).
 */
public final class ManageCollections {
    private final CollectionRepository collections;
    private final DocumentRepository documents;
    private final IndexDocuments index;
    private final IndexLocks locks;
    private final IndexingQueue queue;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageCollections(CollectionRepository collections, DocumentRepository documents, IndexDocuments index,
                             IndexLocks locks, IndexingQueue queue, UnitOfWork unitOfWork, IdGenerator ids,
                             Clock clock) {
        this.collections = collections;
        this.documents = documents;
        this.index = index;
        this.locks = locks;
        this.queue = queue;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.clock = clock;
    }

    /** A collection with its indexing state. */
    public record View(KnowledgeCollection collection, CollectionState state) {
    }

    public KnowledgeCollection create(ProjectId project, KnowledgeCollection.Details details) {
        Instant now = clock.instant();
        KnowledgeCollection collection = new KnowledgeCollection(new CollectionId(ids.timeOrderedUuid()), project,
                details, now, now);
        collections.insert(collection);
        return collection;
    }

    public Optional<View> edit(ProjectId project, CollectionId id, KnowledgeCollection.Details details) {
        return collections.find(project, id).map(c -> {
            KnowledgeCollection edited = c.edited(details, clock.instant());
            collections.update(edited);
            return new View(edited, documents.state(id));
        });
    }

    public Optional<View> find(ProjectId project, CollectionId id) {
        return collections.find(project, id).map(c -> new View(c, documents.state(id)));
    }

    public List<View> list(ProjectId project) {
        List<KnowledgeCollection> all = collections.list(project);
        Map<CollectionId, CollectionState> states = documents.states(all.stream().map(KnowledgeCollection::id)
                .toList());
        return all.stream().map(c -> new View(c, states.getOrDefault(c.id(), CollectionState.EMPTY))).toList();
    }

    /** Removes the collection, its documents and its index; pending indexing jobs then find nothing to do. */
    public boolean delete(ProjectId project, CollectionId id) {
        String key = KnowledgeCollection.indexKey(project, id);
        return locks.locked(key, () -> {
            boolean deleted = collections.delete(project, id);
            if (deleted) {
                index.drop(key);
            }
            return deleted;
        });
    }

    /** Removes every document (reset-only); returns how many there were, or empty for an unknown collection. */
    public Optional<Integer> reset(ProjectId project, CollectionId id) {
        return collections.find(project, id).map(c -> locks.locked(c.indexKey(), () -> {
            int removed = documents.deleteAll(id);
            index.reset(c.indexKey());
            return removed;
        }));
    }

    /**
     * Queues every document again (vectors-only) to be embedded with the current model; returns how many were
     * queued. An index built with another model is emptied first (its vectors cannot mix with the new ones), so
     * such a collection fills up again as the jobs run; otherwise each document's chunks are replaced in place.
     */
    public Optional<Integer> reembed(ProjectId project, CollectionId id) {
        return collections.find(project, id).map(c -> {
            Map<DocumentId, Integer> queued = locks.locked(c.indexKey(), () -> unitOfWork.inTransaction(() -> {
                if (index.needsReembedding(c.indexKey())) {
                    index.reset(c.indexKey());
                }
                Map<DocumentId, Integer> revisions = documents.requeueAll(id, clock.instant());
                queue.enqueue(project, id, revisions);
                return revisions;
            }));
            queue.wake();
            return queued.size();
        });
    }
}
